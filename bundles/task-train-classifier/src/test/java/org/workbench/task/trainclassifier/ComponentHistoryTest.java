package org.workbench.task.trainclassifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint records which provider version trained which epochs, as a string numpy reads, and a
 * resumed run continues that record.
 */
class ComponentHistoryTest {
    @TempDir
    Path folder;

    /** Two classes standing for two versions of one provider (outside OSGi a component is named by its class). */
    static final class Before {
    }

    static final class After {
    }

    @Test
    void aSwapStartsANewSpanAndTheRecordSurvivesTheCheckpointFile() throws Exception {
        ComponentHistory h = new ComponentHistory();
        Object before = new Before();
        Object after = new After();
        Object loss = "loss";
        for (int epoch = 1; epoch <= 4; epoch++) {
            h.trained("optimizer", epoch <= 2 ? before : after, epoch);
            h.trained("loss", loss, epoch);
        }
        assertEquals(List.of(new ComponentHistory.Span("optimizer", Before.class.getName(), "unknown", 1, 2),
                new ComponentHistory.Span("loss", String.class.getName(), "unknown", 1, 4),
                new ComponentHistory.Span("optimizer", After.class.getName(), "unknown", 3, 4)), h.spans());

        Path file = folder.resolve("c.npz");
        Npz.write(file, Map.of(ComponentHistory.ENTRY, NpyArray.ofText(h.text())));
        ComponentHistory back = ComponentHistory.parse(Npz.read(file).get(ComponentHistory.ENTRY).text());
        assertEquals(h.spans(), back.spans());
        back.trained("optimizer", after, 5);
        assertEquals(new ComponentHistory.Span("optimizer", After.class.getName(), "unknown", 3, 5), back.spans().get(2),
                "a resumed run extends the span of the version it continues with");
        assertEquals(List.of(3), h.swapEpochs());
        assertEquals("role\tbundle\tversion\tfirstEpoch\tlastEpoch", h.text().lines().findFirst().orElseThrow());
    }

    @Test
    void textIsNumpysUnicodeScalar() {
        NpyArray a = NpyArray.ofText("é\t1");
        assertEquals("<U3", a.descr());
        assertEquals(12, a.data().length);
        assertEquals("é\t1", a.text());
    }
}
