package org.workbench.engine.run;

/**
 * One input of a run as provenance records it: a file a component read, or a table it generated
 * from its seed.
 *
 * @param role      the label of the component (or {@code task}) that read or generated it
 * @param path      the file read (absolute), or {@code null} for a generated table
 * @param generated the name of a generated table, or {@code null} for a file read
 * @param sha256    the SHA-256 of the file's bytes, or of the table's values as {@link #hash} says
 * @param bytes     the size of the file, or the number of bytes hashed for the table (8 a value)
 * @param rows      the rows of a generated table (0 for a file)
 * @param columns   the columns of a generated table (0 for a file)
 * @param seed      the seed of the component that generated the table ({@code null} for a file)
 * @param artifact  where the table's CSV was kept, relative to the result folder; {@code null} when
 *                  it was larger than {@link #KEEP_LIMIT} (or for a file)
 * @param hash      what {@code sha256} is the hash of, for a generated table ({@link GeneratedTable#HASH}; a
 *                  point kept before that change: {@link #CSV_HASH}); {@code null} for a file
 */
public record InputRecord(String role, String path, String generated, String sha256, long bytes, int rows,
        int columns, Long seed, String artifact, String hash) {
    /** The largest generated table kept as a CSV file: 1 MiB; past it only the hash, the size and the seed. */
    public static final long KEEP_LIMIT = 1L << 20;
    /** The hash of a generated table in a point kept by an earlier version, which hashed its CSV text. */
    public static final String CSV_HASH = "sha256 of its CSV";
}
