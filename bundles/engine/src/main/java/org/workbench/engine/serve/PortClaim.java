package org.workbench.engine.serve;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One web workbench per port, whatever the address family. The port must be free on 127.0.0.1 (so
 * also on {@code ::ffff:127.0.0.1} and on a dual-stack {@code ::}) and, where the machine has IPv6,
 * on {@code ::1}, where a browser's {@code localhost} may go first. Two workbenches that check the
 * same port at the same moment would both find it free before either's web server binds it, so the
 * claim also holds an exclusive lock on {@code workbench-serve-PORT.lock} in the system's temporary
 * folder for as long as the server runs: the second workbench finds the lock taken and stops.
 */
final class PortClaim implements AutoCloseable {
    /** The folder of the lock files: {@code /tmp} where it exists (shared by every JVM whatever its java.io.tmpdir). */
    static final Path LOCKS = Files.isDirectory(Path.of("/tmp")) ? Path.of("/tmp")
            : Path.of(System.getProperty("java.io.tmpdir"));
    private final int port;
    private final FileChannel channel;
    private final FileLock lock;

    private PortClaim(int port, FileChannel channel, FileLock lock) {
        this.port = port;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Claims {@code port} (0: a free one).
     *
     * @throws BindException when the port is in use on a loopback address, or claimed by another workbench
     */
    static PortClaim claim(int port) throws IOException {
        int chosen = bindable(InetAddress.getByName("127.0.0.1"), port);
        InetAddress v6 = ipv6Loopback();
        if (v6 != null) {
            bindable(v6, chosen);
        }
        FileChannel channel = null;
        FileLock lock = null;
        try {
            channel = FileChannel.open(LOCKS.resolve("workbench-serve-" + chosen + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            lock = channel.tryLock();
        } catch (OverlappingFileLockException inThisJvm) {
            lock = null;
        } catch (IOException unwritable) {
            // another user's lock file: the binding checks above are all there is
            if (channel != null) {
                channel.close();
            }
            return new PortClaim(chosen, null, null);
        }
        if (lock == null) {
            channel.close();
            throw new BindException("port " + chosen + " is claimed by another workbench's server");
        }
        // the lock and the binding checks are both held now: a server that bound the port in between is seen
        bindable(InetAddress.getByName("127.0.0.1"), chosen);
        return new PortClaim(chosen, channel, lock);
    }

    int port() {
        return port;
    }

    /** Binds and releases {@code port} on {@code address}; returns the port bound (for port 0, the one chosen). */
    private static int bindable(InetAddress address, int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(address, port));
            return socket.getLocalPort();
        } catch (BindException e) {
            if (address instanceof Inet6Address && !String.valueOf(e.getMessage()).contains("in use")) {
                return port; // ::1 cannot be bound here (IPv6 off): nothing can listen there either
            }
            throw new BindException("port " + port + " is in use on " + address.getHostAddress());
        }
    }

    /** ::1 when this machine has it on an interface, else {@code null}. */
    private static InetAddress ipv6Loopback() {
        try {
            InetAddress v6 = InetAddress.getByName("::1");
            return NetworkInterface.getByInetAddress(v6) != null ? v6 : null;
        } catch (SocketException | java.net.UnknownHostException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        if (lock != null) {
            lock.release();
        }
        if (channel != null) {
            channel.close();
        }
    }
}
