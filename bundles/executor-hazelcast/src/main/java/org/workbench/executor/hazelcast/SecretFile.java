package org.workbench.executor.hazelcast;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.workbench.api.InvalidParameterException;

/**
 * Reads a cluster's shared secret from a file ({@code --secret-file FILE}), never from the command
 * line: a regular file of 16 to 4096 bytes (trailing white space ignored, so {@code echo}'s newline
 * does not count) that only its owner may read or write. A file that group or others can read is
 * refused, naming the file and the {@code chmod} that fixes it.
 */
final class SecretFile {
    static final String PARAMETER = "secretFile";
    static final int MIN_BYTES = 16;
    static final int MAX_BYTES = 4096;
    private static final Set<PosixFilePermission> OPEN = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private SecretFile() {
    }

    /** The secret's bytes. */
    static byte[] read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw refused(file, "is not a regular file (make one with: head -c 32 /dev/urandom | base64 > FILE; "
                    + "chmod 600 FILE)");
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (Files.isSymbolicLink(file)) {
                mode = Files.getPosixFilePermissions(file);
            }
            Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
            open.addAll(OPEN);
            open.retainAll(mode);
            if (!open.isEmpty()) {
                throw refused(file, "can be read or written by group or others (" + open
                        + "): the secret would not be secret; run chmod 600 " + file);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its access control lists are the user's to set
        } catch (IOException e) {
            throw refused(file, "cannot be read: " + e.getMessage());
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw refused(file, "cannot be read: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw refused(file, "is larger than " + MAX_BYTES + " bytes; a secret of 32 random bytes is enough");
        }
        int end = bytes.length;
        while (end > 0 && Character.isWhitespace(bytes[end - 1])) {
            end--;
        }
        if (end < MIN_BYTES) {
            throw refused(file, "holds " + end + " bytes; a secret needs at least " + MIN_BYTES
                    + " (e.g. head -c 32 /dev/urandom | base64 > FILE)");
        }
        return Arrays.copyOf(bytes, end);
    }

    private static InvalidParameterException refused(Path file, String why) {
        return new InvalidParameterException(PARAMETER, "the cluster's secret file " + file + " " + why);
    }
}
