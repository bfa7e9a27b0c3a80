package org.workbench.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * picocli reads every declared method and field of a command by reflection when it builds the tree,
 * for {@code help} and every other command line: a type of the vector backend named there fails every
 * command line with NoClassDefFoundError on a JVM where the backend did not resolve (no SIMD module).
 */
class KernelsCommandTest {
    @Test
    void theCommandNamesNoTypeOfTheVectorBackend() {
        List<String> named = new ArrayList<>();
        for (Method m : KernelsCommand.class.getDeclaredMethods()) {
            named.add(m.getReturnType().getName());
            for (Class<?> p : m.getParameterTypes()) {
                named.add(p.getName());
            }
        }
        for (Field f : KernelsCommand.class.getDeclaredFields()) {
            named.add(f.getType().getName());
        }
        assertEquals(List.of(), named.stream().filter(n -> n.startsWith("org.workbench.backend.")).toList());
    }

    @Test
    void itNamesTheCacheClassItChecksFor() throws ClassNotFoundException {
        assertEquals(KernelsCommand.CACHE_CLASS, Class.forName(KernelsCommand.CACHE_CLASS).getName());
    }
}
