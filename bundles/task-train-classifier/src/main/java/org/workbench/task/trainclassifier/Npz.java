package org.workbench.task.trainclassifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * numpy's {@code .npz}: a zip of {@code .npy} files, one per named array, which
 * {@code numpy.load(path)} opens (and PyTorch through it) without the workbench. Each {@code .npy} is
 * format 1.0: the magic, a header dictionary ({@code descr}, {@code fortran_order}, {@code shape})
 * padded so that the data starts at a multiple of 64 bytes, then the data. Reads back what it writes.
 */
final class Npz {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private Npz() {
    }

    /**
     * Writes {@code arrays} to {@code file} whole: into a temporary file beside it, then renamed, so
     * that the file is complete whenever it exists.
     */
    static void write(Path file, Map<String, NpyArray> arrays) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(1);
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(header(e.getValue()));
                zip.write(e.getValue().data());
                zip.closeEntry();
            }
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The arrays of an {@code .npz} file, by name, in file order. */
    static Map<String, NpyArray> read(Path file) throws IOException {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (!name.endsWith(".npy")) {
                    continue;
                }
                out.put(name.substring(0, name.length() - 4), parse(zip.readAllBytes(), file + ": " + name));
            }
        }
        return out;
    }

    /** The {@code .npy} header of {@code a}: magic, version 1.0, length, dictionary padded to 64 bytes. */
    static byte[] header(NpyArray a) {
        String text = "{'descr': '" + a.descr() + "', 'fortran_order': False, 'shape': " + shape(a.shape()) + ", }";
        int unpadded = MAGIC.length + 2 + 2 + text.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String dict = text + " ".repeat(padding) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        out.write(dict.length() & 0xff);
        out.write(dict.length() >>> 8);
        out.writeBytes(dict.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** A shape as Python writes a tuple: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    private static String shape(int[] dims) {
        if (dims.length == 1) {
            return "(" + dims[0] + ",)";
        }
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            b.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return b.append(')').toString();
    }

    private static NpyArray parse(byte[] bytes, String where) throws IOException {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes.length <= i || bytes[i] != MAGIC[i]) {
                throw new IOException(where + " is not a .npy array (no numpy magic)");
            }
        }
        int major = bytes[6];
        int length;
        int start;
        if (major == 1) {
            length = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
            start = 10;
        } else {
            length = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8 | (bytes[10] & 0xff) << 16 | (bytes[11] & 0xff) << 24;
            start = 12;
        }
        String dict = new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(dict);
        Matcher f = FORTRAN.matcher(dict);
        Matcher s = SHAPE.matcher(dict);
        if (!d.find() || !f.find() || !s.find()) {
            throw new IOException(where + ": unreadable .npy header " + dict.strip());
        }
        if (f.group(1).equals("True")) {
            throw new IOException(where + ": a Fortran-ordered array; save it in C order");
        }
        String[] parts = s.group(1).split(",");
        int count = 0;
        int[] shape = new int[parts.length];
        for (String p : parts) {
            if (!p.isBlank()) {
                shape[count++] = Integer.parseInt(p.strip());
            }
        }
        byte[] data = java.util.Arrays.copyOfRange(bytes, start + length, bytes.length);
        try {
            return new NpyArray(d.group(1), java.util.Arrays.copyOf(shape, count), data);
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": " + e.getMessage(), e);
        }
    }
}
