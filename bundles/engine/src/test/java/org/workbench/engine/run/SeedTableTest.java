package org.workbench.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A point's seeds, held compactly, read as the ordered map they were made from. */
class SeedTableTest {
    @Test
    void readsAsTheMapItWasMadeFromInItsOrder() {
        Map<String, Long> seeds = new LinkedHashMap<>();
        seeds.put("task", -8076862810846764292L);
        seeds.put("data", 4973238083798144487L);
        seeds.put("network[0]", 0L);
        SeedTable table = SeedTable.of(seeds);
        assertEquals(seeds, table);
        assertEquals(table, seeds);
        assertEquals(seeds.hashCode(), table.hashCode());
        assertEquals(List.of("task", "data", "network[0]"), List.copyOf(table.keySet()));
        assertEquals(4973238083798144487L, table.get("data"));
        assertEquals(0L, table.get("network[0]"));
        assertNull(table.get("prior"));
        assertEquals(3, table.size());
        assertThrows(UnsupportedOperationException.class, () -> table.put("prior", 1L));
        assertEquals(Map.of(), SeedTable.of(Map.of()));
    }
}
