package org.workbench.engine.descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

import org.workbench.engine.input.InvalidInputException;

/**
 * Reads a descriptor's bytes with a bound: it must be a regular file (never a device such as
 * {@code /dev/zero}, a FIFO or a socket, which are refused before they are opened) of at most
 * {@link #limit()} bytes, and it is read with that bound, so a file that grows while it is read
 * is refused too. The limit is {@value #DEFAULT_LIMIT} bytes (64 MiB) unless the system property
 * {@value #PROPERTY} or the option {@value #FLAG} sets another.
 */
public final class DescriptorFile {
    /** The option that sets the limit for one command. */
    public static final String FLAG = "--max-descriptor-bytes";
    /** The system property that sets the limit for every command of a runtime. */
    public static final String PROPERTY = "workbench.maxDescriptorBytes";
    /** 64 MiB. */
    public static final long DEFAULT_LIMIT = 64L << 20;
    /** The largest limit accepted (a descriptor is read whole into memory): 1 GiB. */
    public static final long HIGHEST_LIMIT = 1L << 30;

    private DescriptorFile() {
    }

    /** The limit for this runtime: {@value #PROPERTY} when set (and valid), else {@value #DEFAULT_LIMIT}. */
    public static long limit() throws InvalidInputException {
        String value = System.getProperty(PROPERTY);
        return value == null || value.isBlank() ? DEFAULT_LIMIT : size(value, "-D" + PROPERTY);
    }

    /**
     * Parses a size: a whole number of bytes, or one followed by {@code K}, {@code M} or {@code G}
     * (KiB, MiB, GiB), from 1 to {@value #HIGHEST_LIMIT}.
     */
    public static long size(String value, String source) throws InvalidInputException {
        String v = value.strip().toUpperCase(Locale.ROOT);
        long unit = 1;
        v = v.replaceFirst("(?<=[KMG])I?B$|B$", "");
        if (!v.isEmpty()) {
            switch (v.charAt(v.length() - 1)) {
                case 'K' -> unit = 1L << 10;
                case 'M' -> unit = 1L << 20;
                case 'G' -> unit = 1L << 30;
                default -> unit = 1;
            }
        }
        if (unit > 1) {
            v = v.substring(0, v.length() - 1);
        }
        long n = 0;
        if (v.matches("[0-9]{1,12}")) {
            n = Long.parseLong(v) * unit;
        }
        if (n < 1 || n > HIGHEST_LIMIT) {
            throw new InvalidInputException(null, null, source + " needs a size from 1 byte to 1G, as bytes or with K, M "
                    + "or G (such as 134217728 or 128M); got '" + value + "'");
        }
        return n;
    }

    /** The bytes of {@code file}, a regular file of at most {@code limit} bytes. */
    static byte[] read(Path file, long limit) throws InvalidInputException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file, null, "no such file");
        } catch (IOException e) {
            throw new InvalidInputException(file, null, "cannot read: " + e.getMessage());
        }
        if (attributes.isDirectory()) {
            throw new InvalidInputException(file, null, "is a folder; give a descriptor file (a .json file)");
        }
        if (!attributes.isRegularFile()) {
            throw new InvalidInputException(file, null, "is not a regular file (a device, a FIFO or a socket is never "
                    + "read as a descriptor); give a descriptor file (a .json file)");
        }
        if (attributes.size() > limit) {
            throw tooLarge(file, attributes.size(), limit);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw tooLarge(file, -1, limit);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file, null, "no such file");
        } catch (IOException e) {
            throw new InvalidInputException(file, null, "cannot read: " + e.getMessage());
        }
    }

    private static InvalidInputException tooLarge(Path file, long size, long limit) {
        return new InvalidInputException(file, null, (size < 0 ? "grew while it was read, past" : "is " + size
                + " bytes, more than") + " the limit of " + limit + " bytes (" + readable(limit) + ") for a descriptor; "
                + "raise it with " + FLAG + " SIZE (such as 256M) or -D" + PROPERTY + "=SIZE");
    }

    private static String readable(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return bytes / (1L << 30) + " GiB";
        }
        if (bytes % (1L << 20) == 0) {
            return bytes / (1L << 20) + " MiB";
        }
        if (bytes % (1L << 10) == 0) {
            return bytes / (1L << 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
