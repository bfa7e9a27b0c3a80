package org.workbench.diagnostics;

/**
 * How the diagnostics' long loops are cut for the JIT. Every loop over a coordinate's draws (tens
 * of thousands of them) is a driver that calls a small kernel method once per chunk of
 * {@link #SIZE} draws. The kernels are called thousands of times per summary and shared by every
 * caller, so HotSpot compiles each as a small method of its own, once at each tier, soon after the
 * first coordinates; a long loop written inline is instead compiled by on-stack replacement, which
 * in a fresh JVM meant C2 compiling (twice: on-stack, then whole) large methods with everything they
 * inline, about 0.45-0.75 s of compile time that the diagnostics waited for. The drivers loop only
 * a few times per call (a driver interpreted for its first calls costs a call per chunk, so
 * the chunk's end is computed inline, not by a method). Chunks are a multiple of 4 long, so that the
 * kernels' four-way partial sums add the same numbers in the same order as one loop would.
 */
final class Chunks {
    /** Draws per kernel call. */
    static final int SIZE = 128;

    private Chunks() {
    }
}
