package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonParser;

class LiveStatesTest {

    @Test
    void anEndedRunReadsAsDoneCancelledFailedOrRefused() {
        assertEquals(new RunState("done", null, "p1/20260101"), RunState.ended(0, "p1/20260101", null, false));
        assertEquals("done →", RunState.ended(0, "p1/20260101", null, false).text());
        assertEquals("cancelled", RunState.ended(1, null, "cancelled; nothing was written", true).text());
        assertEquals("cancelled", RunState.ended(1, null, "run failed: p4.json: cancelled while in optimizer/sgd; nothing was written",
                false).text(), "Ctrl-C in the shell reads as cancelled too");
        assertEquals("failed: p4.json: data: no such file", RunState.ended(1, null, "run failed: p4.json: data: no such file",
                false).text());
        assertEquals("refused: p1.json: prior.with.variance must be positive",
                RunState.ended(2, null, "error: p1.json: prior.with.variance must be positive", false).text());
        assertEquals("failed: no reason given", RunState.ended(1, null, null, false).text());
        assertEquals("running", RunState.RUNNING.text());
    }

    @Test
    void aDescriptorsParametersAreTheOverridesThatSetTheirCurrentValues() {
        var descriptor = JsonParser.parseString("""
                { "seed": 181, "task": { "use": "train-classifier", "with": { "epochs": 3, "precision": "float" } },
                  "components": {
                    "data": { "use": "fashion-mnist", "with": { "path": "/usr/share/x", "limit": "12", "tags": "a,b" } },
                    "network": [ { "use": "dense", "with": { "out": 128 } }, { "use": "relu" } ],
                    "prior": { "use": "gaussian", "with": { "mean": [0, 1] } } } }""").getAsJsonObject();
        assertEquals(List.of("seed=181", "task.with.epochs=3", "task.with.precision=float", "data.with.path=/usr/share/x",
                "data.with.limit=\"12\"", "data.with.tags=\"a,b\"", "network.0.with.out=128", "prior.with.mean=[0,1]"),
                DescriptorParameters.of(descriptor).stream().map(DescriptorParameters.Parameter::line).toList());
    }
}
