package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.engine.descriptor.Descriptor;
import org.workbench.engine.descriptor.DescriptorParser;
import org.workbench.engine.descriptor.Overrides;
import org.workbench.engine.input.InvalidInputException;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class OverridesTest {
    private static final String JSON = "{\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"sum\"},\"components\":{"
            + "\"data\":{\"use\":\"values\",\"with\":{\"values\":[1,2]}},"
            + "\"network\":[{\"use\":\"dense\",\"with\":{\"out\":4}},{\"use\":\"relu\"}]},"
            + "\"sweep\":{\"task.factor\":[1,2]}}";

    @TempDir
    Path folder;

    private JsonObject effective(String... overrides) throws Exception {
        Path file = TestFiles.descriptor(folder, "d.json", JSON);
        Descriptor d = new DescriptorParser().parse(file, List.of(overrides));
        return d.effective();
    }

    private static JsonObject with(JsonObject root, String role) {
        return root.getAsJsonObject("components").getAsJsonObject(role).getAsJsonObject("with");
    }

    @Test
    void roleParamIsRoleWithParam() throws Exception {
        assertEquals(effective("data.with.n=9"), effective("data.n=9"));
        assertEquals(9, with(effective("data.n=9"), "data").get("n").getAsInt());
    }

    @Test
    void taskParamAndTopLevelKeys() throws Exception {
        JsonObject root = effective("task.fail=true", "seed=7", "task.use=other");
        assertTrue(root.getAsJsonObject("task").getAsJsonObject("with").get("fail").getAsBoolean());
        assertEquals("other", root.getAsJsonObject("task").get("use").getAsString());
        assertEquals(7, root.get("seed").getAsInt());
    }

    @Test
    void listElementsByIndexWithOrWithoutWith() throws Exception {
        JsonObject a = effective("network.0.out=64");
        assertEquals(a, effective("network.0.with.out=64"));
        assertEquals(64, a.getAsJsonObject("components").getAsJsonArray("network").get(0).getAsJsonObject()
                .getAsJsonObject("with").get("out").getAsInt());
    }

    @Test
    void aRoleNotYetGivenIsAdded() throws Exception {
        JsonObject root = effective("prior.use=gaussian", "prior.variance=4");
        JsonObject prior = root.getAsJsonObject("components").getAsJsonObject("prior");
        assertEquals("gaussian", prior.get("use").getAsString());
        assertEquals(4, prior.getAsJsonObject("with").get("variance").getAsInt());
    }

    @Test
    void jsonValuesWithCommasAreOneValue() throws Exception {
        JsonObject root = effective("data.values=[3,4,5]", "data.label=\"a,b\"");
        assertEquals(JsonParser.parseString("[3,4,5]"), with(root, "data").get("values"));
        assertEquals("a,b", with(root, "data").get("label").getAsString());
        assertTrue(!root.getAsJsonObject("sweep").has("data.values"));
    }

    @Test
    void aCommaListSweepsAndSweepOptionAgrees() throws Exception {
        JsonObject set = effective("data.n=1,10,100");
        JsonObject sweep = effective(Overrides.SWEEP_PREFIX + "data.with.n=1,10,100");
        assertEquals(JsonParser.parseString("[1,10,100]"), set.getAsJsonObject("sweep").get("data.n"));
        assertEquals(set, sweep);
        assertEquals(JsonParser.parseString("[[1,2],[3,4]]"),
                effective(Overrides.SWEEP_PREFIX + "data.values=[1,2],[3,4]").getAsJsonObject("sweep").get("data.values"));
        assertEquals(JsonParser.parseString("[5]"),
                effective(Overrides.SWEEP_PREFIX + "data.n=5").getAsJsonObject("sweep").get("data.n"));
    }

    @Test
    void settingASweptKeyReplacesItsValues() throws Exception {
        assertEquals(JsonParser.parseString("[3]"), effective("task.factor=3").getAsJsonObject("sweep").get("task.factor"));
    }

    @Test
    void badOverridesNameWhatIsWrong() throws Exception {
        Path file = TestFiles.descriptor(folder, "d.json", JSON);
        InvalidInputException noEquals = assertThrows(InvalidInputException.class,
                () -> new DescriptorParser().parse(file, List.of("data.n")));
        assertTrue(noEquals.getMessage().contains("PATH=VALUE"), noEquals.getMessage());
        InvalidInputException deep = assertThrows(InvalidInputException.class,
                () -> new DescriptorParser().parse(file, List.of("network.0.out=4,8")));
        assertTrue(deep.getMessage().contains("ROLE.PARAM"), deep.getMessage());
        InvalidInputException noIndex = assertThrows(InvalidInputException.class,
                () -> new DescriptorParser().parse(file, List.of("network.out=4")));
        assertTrue(noIndex.getMessage().contains("give an index"), noIndex.getMessage());
    }

    @Test
    void switchingAProviderStartsFromItsDefaultsAndSaysWhatItDropped() throws Exception {
        Path file = TestFiles.descriptor(folder, "d.json", JSON.replace("\"values\":[1,2]", "\"values\":[1,2],\"noise\":0.5"));
        Descriptor d = new DescriptorParser().parse(file, List.of("data.use=other"));
        assertEquals("other", d.effective().getAsJsonObject("components").getAsJsonObject("data").get("use").getAsString());
        assertTrue(!d.effective().getAsJsonObject("components").getAsJsonObject("data").has("with"), d.effective().toString());
        assertEquals(1, d.notes().size());
        assertTrue(d.notes().get(0).startsWith("--set data.use=other: other starts from its own defaults; dropped values's "
                + "values=[1,2], noise=0.5"), d.notes().get(0));
        Descriptor kept = new DescriptorParser().parse(file, List.of("data.values=[3]", "data.use=other"));
        assertEquals("{\"values\":[3]}", with(kept.effective(), "data").toString(), "values given in the same command stay");
        Descriptor same = new DescriptorParser().parse(file, List.of("data.use=values"));
        assertTrue(same.notes().isEmpty(), "the same provider keeps its values");
        assertEquals(0.5, with(same.effective(), "data").get("noise").getAsDouble());
        Descriptor whole = new DescriptorParser().parse(file, List.of("data.use=other", "data.with={\"a\":1}"));
        assertEquals("{\"a\":1}", with(whole.effective(), "data").toString());
    }

    @Test
    void theSeedSweepsFromTheCommandLine() throws Exception {
        JsonObject root = effective("--sweep seed=1,2,3");
        assertEquals("[1,2,3]", root.getAsJsonObject("sweep").get("seed").toString());
    }

    @Test
    void aMisspeltTopLevelKeyIsNamedNotTakenForARole() throws Exception {
        Path file = TestFiles.descriptor(folder, "d.json", JSON);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new DescriptorParser().parse(file, List.of("hotswap=true")));
        assertTrue(e.getMessage().startsWith("--set hotswap=true: 'hotswap' is not a top-level key of a descriptor (did "
                + "you mean 'hotSwap'?)"), e.getMessage());
        assertTrue(effective("hotSwap=true").get("hotSwap").getAsBoolean());
    }
}
