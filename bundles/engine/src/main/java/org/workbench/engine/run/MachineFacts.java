package org.workbench.engine.run;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.google.gson.JsonObject;

/**
 * The machine a run ran on, for provenance: its host name and its CPU's model and core count (the
 * cores this JVM may use). Read from Linux's {@code /proc} where it is there, from Java otherwise.
 */
final class MachineFacts {
    private MachineFacts() {
    }

    /** The host name: the kernel's, else the environment's, else Java's (which may ask DNS). */
    static String host() {
        Optional<String> kernel = firstLine(Path.of("/proc/sys/kernel/hostname"));
        if (kernel.isPresent()) {
            return kernel.get();
        }
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** {@code {model, cores}}: the model from {@code /proc/cpuinfo} (or the architecture), the usable cores. */
    static JsonObject cpu() {
        JsonObject o = new JsonObject();
        o.addProperty("model", model(Path.of("/proc/cpuinfo")));
        o.addProperty("cores", Runtime.getRuntime().availableProcessors());
        return o;
    }

    /** The first {@code model name} of a cpuinfo file, else the processor identifier Java knows. */
    static String model(Path cpuinfo) {
        try {
            for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equals("model name")) {
                    return line.substring(colon + 1).strip();
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // not Linux, or hidden: fall back below
        }
        String id = System.getenv("PROCESSOR_IDENTIFIER");
        return id != null && !id.isBlank() ? id.strip() : System.getProperty("os.arch");
    }

    private static Optional<String> firstLine(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
