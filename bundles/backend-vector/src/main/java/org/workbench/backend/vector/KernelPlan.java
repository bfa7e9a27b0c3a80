package org.workbench.backend.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jdk.incubator.vector.FloatVector;

/**
 * How a float product runs: its micro-kernel (vector width and register tile, which also fix the
 * packing: B in panels of the tile's columns, A in panels of its rows) and the threads it is split
 * over. Named {@code <bits>b-<rows>x<vectors>-t<threads>}, e.g. {@code 512b-12x2-t2}. Every plan
 * computes each element as the same in-order chain of fused multiply-adds, so all give the same bits.
 */
record KernelPlan(MicroKernel kernel, int threads) {
    private static final Pattern ID = Pattern.compile("(256|512)b-(\\d+)x(\\d+)-t(\\d+)");
    /** Every micro-kernel there is, widest first. */
    private static final List<Supplier<MicroKernel>> KERNELS = List.of(Kernel512x12x2::new, Kernel512x8x3::new,
            Kernel512x6x4::new, Kernel512x6x2::new, Kernel256x12x2::new, Kernel256x8x3::new, Kernel256x6x2::new,
            Kernel256x4x3::new);
    /** The widest vectors this CPU runs at full speed, in bits (what the JDK prefers). */
    static final int PREFERRED_BITS = FloatVector.SPECIES_PREFERRED.vectorBitSize();

    /**
     * The micro-kernels timed as candidates (the others can be pinned): each costs the JIT a compile of
     * a large method before it can be timed (0.1-0.5 s on a quiet core), so they are few.
     */
    private static final List<String> CANDIDATES = List.of("512b-12x2", "512b-8x3", "512b-6x4", "256b-12x2", "256b-6x2",
            "256b-4x3");

    /** Every candidate micro-kernel worth timing here: the 512-bit ones only where the CPU has 512-bit vectors. */
    static List<MicroKernel> kernels() {
        List<MicroKernel> out = new ArrayList<>();
        for (Supplier<MicroKernel> k : KERNELS) {
            MicroKernel kernel = k.get();
            if (!CANDIDATES.contains(kernel.bits() + "b-" + kernel.rows() + "x" + kernel.vectors())) {
                continue;
            }
            // 12 and 8 row tiles need 24-27 vector registers: only AVX-512 has 32 (ymm16-31 included)
            // (and where there are 32, the 12-accumulator 256-bit 4 x 3 adds nothing to 12 x 2)
            boolean fits = kernel.bits() <= PREFERRED_BITS && (PREFERRED_BITS >= 512
                    ? kernel.rows() * kernel.vectors() > 12 || kernel.bits() == 256 && kernel.rows() == 6
                    : kernel.rows() * kernel.vectors() <= 12);
            if (fits) {
                out.add(kernel);
            }
        }
        return out;
    }

    /** The candidates for a product on at most {@code maxThreads} threads: every kernel on 1 thread and on {@code maxThreads}. */
    static List<KernelPlan> candidates(int maxThreads) {
        List<KernelPlan> out = new ArrayList<>();
        for (MicroKernel kernel : kernels()) {
            out.add(new KernelPlan(kernel, 1));
            if (maxThreads > 1) {
                out.add(new KernelPlan(kernel, maxThreads));
            }
        }
        return out;
    }

    /**
     * The plan used without measuring (before this planner): 12 x 2 vectors of 16 floats on AVX-512,
     * 6 x 2 of 8 otherwise; the product split over {@code maxThreads} threads from {@code 2^20} multiply-adds.
     */
    static KernelPlan fallback(int maxThreads, long multiplyAdds) {
        MicroKernel kernel = PREFERRED_BITS >= 512 ? new Kernel512x12x2() : new Kernel256x6x2();
        return new KernelPlan(kernel, multiplyAdds >= 1L << 20 ? maxThreads : 1);
    }

    /** The plan named {@code id} on one thread ({@code t1}) or on all {@code maxThreads} (any other count). */
    static KernelPlan parse(String id, int maxThreads) {
        Matcher m = ID.matcher(id.strip().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            int bits = Integer.parseInt(m.group(1));
            int rows = Integer.parseInt(m.group(2));
            int vectors = Integer.parseInt(m.group(3));
            int threads = Integer.parseInt(m.group(4));
            for (Supplier<MicroKernel> k : KERNELS) {
                MicroKernel kernel = k.get();
                if (kernel.bits() == bits && kernel.rows() == rows && kernel.vectors() == vectors && threads >= 1) {
                    // a product is split over one thread or over the backend's whole team
                    return new KernelPlan(kernel, threads == 1 ? 1 : maxThreads);
                }
            }
        }
        throw new IllegalArgumentException("unknown kernel '" + id + "': expected <bits>b-<rows>x<vectors>-t<threads> with one of "
                + ids() + " (e.g. 512b-12x2-t2)");
    }

    /** The kernels' names without threads, e.g. {@code 512b-12x2}. */
    static List<String> ids() {
        List<String> out = new ArrayList<>();
        for (Supplier<MicroKernel> k : KERNELS) {
            MicroKernel kernel = k.get();
            out.add(kernel.bits() + "b-" + kernel.rows() + "x" + kernel.vectors());
        }
        return out;
    }

    String id() {
        return kernel.bits() + "b-" + kernel.rows() + "x" + kernel.vectors() + "-t" + threads;
    }

    @Override
    public String toString() {
        return id();
    }
}
