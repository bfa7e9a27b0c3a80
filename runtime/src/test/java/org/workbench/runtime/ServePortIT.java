package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One web workbench per port: of two {@code serve} started together on one port, one serves and
 * the other is exit 2 at once (before, both found the port free and the second printed "serving"
 * while the first's server answered it); a port held on {@code ::1} alone is in use too.
 */
class ServePortIT {
    @TempDir
    static Path work;

    @Test
    void twoServersOnOnePortAreOneServerAndExit2() throws Exception {
        int port = ClusterIT.freePort();
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        try (WorkbenchProcess first = serve("first", plugins, port); WorkbenchProcess second = serve("second", plugins, port)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && !((serving(first) || serving(second))
                    && (!first.alive() || !second.alive()))) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            WorkbenchProcess served = serving(first) ? first : second;
            WorkbenchProcess refused = served == first ? second : first;
            assertTrue(serving(served) && served.alive(), "one serves: " + first.stderr() + second.stderr());
            assertEquals(2, refused.exit(), refused.stderr());
            assertTrue(!serving(refused), "the other never says it serves");
            assertTrue(refused.stderr().contains("port " + port + " is "), refused.stderr());
        }
    }

    @Test
    void aPortHeldOnIpv6LoopbackIsInUse() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        org.junit.jupiter.api.Assumptions.assumeTrue(v6 instanceof Inet6Address && NetworkInterface.getByInetAddress(v6) != null,
                "this machine has no ::1");
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress(v6, 0));
            try (WorkbenchProcess p = serve("v6", plugins, other.getLocalPort())) {
                assertEquals(2, p.exit(), p.stderr());
                assertTrue(p.stderr().contains("port " + other.getLocalPort() + " is in use on 0:0:0:0:0:0:0:1"), p.stderr());
            }
        }
    }

    private static WorkbenchProcess serve(String name, Path plugins, int port) throws Exception {
        return WorkbenchProcess.start(work.resolve(name), plugins, "serve", "--port", Integer.toString(port), "--out",
                work.resolve(name).resolve("results").toString(), "--experiments", WorkbenchRuntimeIT.EXPERIMENTS.toString());
    }

    private static boolean serving(WorkbenchProcess p) {
        return p.printed("serving the workbench on ");
    }
}
