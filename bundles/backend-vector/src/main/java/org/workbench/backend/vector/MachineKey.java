package org.workbench.backend.vector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a kernel choice holds for: the CPU (its model name, and on Linux its vendor, family, model and
 * stepping, since one model name may cover several generations), the widest vectors the JDK runs on
 * it, and the JDK. A choice measured under another key is never used.
 */
final class MachineKey {
    private MachineKey() {
    }

    /** This machine's key, e.g. {@code AMD EPYC (AuthenticAMD 26/2/1), 512-bit vectors, JDK 17.0.15+6-Debian-1deb12u1}. */
    static String current() {
        return of(cpuinfo(Path.of("/proc/cpuinfo")), KernelPlan.PREFERRED_BITS, System.getProperty("java.vm.version"));
    }

    static String of(Map<String, String> cpu, int bits, String jdk) {
        String model = cpu.getOrDefault("model name", System.getProperty("os.arch"));
        String id = cpu.containsKey("cpu family")
                ? " (" + cpu.getOrDefault("vendor_id", "?") + " " + cpu.get("cpu family") + "/" + cpu.getOrDefault("model", "?")
                        + "/" + cpu.getOrDefault("stepping", "?") + ")"
                : "";
        return model + id + ", " + bits + "-bit vectors, JDK " + jdk;
    }

    /** The first processor's fields of a cpuinfo file (empty where there is none). */
    static Map<String, String> cpuinfo(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() && !out.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon > 0) {
                    out.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // no cpuinfo: the architecture stands for the model
        }
        return out;
    }
}
