package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.engine.catalog.ProviderResolver;
import org.workbench.engine.descriptor.DescriptorParser;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.output.XChartRenderer;
import org.workbench.engine.run.ActiveRuns;
import org.workbench.engine.run.IncompleteFolders;
import org.workbench.engine.run.Plan;
import org.workbench.engine.run.Planner;
import org.workbench.engine.run.ProgressFactory;
import org.workbench.engine.run.RunFailure;
import org.workbench.engine.run.Runner;

/** Runs are bounded, cancellable and isolated from what a component does wrong, and leave nothing behind. */
class RunSupervisionTest {
    @TempDir
    Path folder;

    private Plan plan(String misbehave, String extra) throws Exception {
        Path file = TestFiles.descriptor(folder, "d.json", "{\"format\":1,\"name\":\"exp\",\"seed\":5,"
                + "\"task\":{\"use\":\"sum\",\"with\":{\"misbehave\":\"" + misbehave + "\"}},"
                + "\"components\":{\"data\":{\"use\":\"values\",\"with\":{\"values\":[1,2,3]}}}" + extra + "}");
        return new Planner(new ProviderResolver(new FakeProviders())).plan(new DescriptorParser().parse(file, List.of()));
    }

    private Runner runner(Duration timeout, ActiveRuns runs) {
        return new Runner(new XChartRenderer(), ProgressFactory.SILENT, Clock.systemUTC(), 2, new FakeProviders())
                .limitedTo(timeout, runs);
    }

    private RunFailure fails(Plan plan, Duration timeout) {
        Path out = folder.resolve("out");
        RunFailure f = assertThrows(RunFailure.class, () -> runner(timeout, null).run(plan, out, Map.of()));
        assertFalse(Files.exists(out), "nothing is left behind");
        return f;
    }

    @Test
    void aHungTaskTimesOutNamingItsProvider() throws Exception {
        RunFailure f = fails(plan("sleep", ""), Duration.ofMillis(200));
        assertTrue(f.getMessage().startsWith("timed out after 0.2 s"), f.getMessage());
        assertTrue(f.getMessage().contains("task 'sum' 1.0.0 (bundle test.sum)"), f.getMessage());
    }

    @Test
    void aTaskThatIgnoresInterruptsIsStoppedAtTheTimeoutToo() throws Exception {
        RunFailure f = fails(plan("spin", ",\"sweep\":{\"data.n\":[1,2,3]}"), Duration.ofMillis(200));
        assertTrue(f.getMessage().contains("timed out") && f.getMessage().contains("task 'sum'"), f.getMessage());
    }

    @Test
    void theDescriptorsTimeoutAppliesWhenShorter() throws Exception {
        RunFailure f = fails(plan("sleep", ",\"timeout\":0.2"), Duration.ofHours(1));
        assertTrue(f.getMessage().startsWith("timed out after 0.2 s"), f.getMessage());
    }

    @Test
    void interruptingTheCallerCancelsTheRunAfterItsWritersStop() throws Exception {
        Path out = folder.resolve("out");
        Plan plan = plan("sleep", ",\"sweep\":{\"data.n\":[1,2,3,4]}");
        ActiveRuns runs = new ActiveRuns();
        AtomicReference<Thread> caller = new AtomicReference<>();
        CompletableFuture<Path> run = CompletableFuture.supplyAsync(() -> {
            caller.set(Thread.currentThread());
            try {
                return runner(null, runs).run(plan, out, Map.of());
            } catch (RunFailure e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        while (runs.cancelAll() == 0) {
            Thread.onSpinWait();
        }
        ExecutionException e = assertThrows(ExecutionException.class, run::get);
        assertTrue(e.getCause().getMessage().startsWith("cancelled"), e.getCause().getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void aLoopThatOnlyReportsProgressStopsAtItsNextReportWhenCancelled() throws Exception {
        Path out = folder.resolve("out");
        ActiveRuns runs = new ActiveRuns();
        FakeProviders.reportLoopEnd = null;
        FakeProviders.reportLoopRunning = false;
        Plan plan = plan("report", "");
        CompletableFuture<Path> run = CompletableFuture.supplyAsync(() -> {
            try {
                return runner(null, runs).run(plan, out, Map.of());
            } catch (RunFailure e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!FakeProviders.reportLoopRunning && !run.isDone() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(FakeProviders.reportLoopRunning, "the task's loop reports progress");
        assertEquals(1, runs.cancelAll());
        ExecutionException e = assertThrows(ExecutionException.class, run::get);
        assertTrue(e.getCause().getMessage().startsWith("cancelled"), e.getCause().getMessage());
        // the task's own report ended it, not Thread.stop (gone from Java 20 on) after the grace period
        assertEquals("RunCancelled", FakeProviders.reportLoopEnd.getClass().getSimpleName(), String.valueOf(FakeProviders.reportLoopEnd));
        assertFalse(Files.exists(out));
    }

    @Test
    void aStackOverflowEndsItsOwnRunOnly() throws Exception {
        RunFailure f = fails(plan("recurse", ""), null);
        assertEquals("task 'sum' 1.0.0 (bundle test.sum) overflowed the stack (a recursion without end?); its run "
                + "was stopped, and the runtime goes on", f.getMessage());
        assertTrue(runner(null, null).run(plan("no", ""), folder.resolve("after"), Map.of()).toString()
                .endsWith("result.json"));
    }

    @Test
    void aNaNResultFailsTheRunInsteadOfBeingPublishedUnderOk() throws Exception {
        RunFailure f = fails(plan("nan", ""), null);
        assertTrue(f.getMessage().contains("non-finite result: posterior.mean (the value is NaN)"), f.getMessage());
    }

    @Test
    void aSweepIsCountedBeforeItIsExpanded() throws Exception {
        StringBuilder values = new StringBuilder("[1");
        for (int i = 2; i <= 70_000; i++) {
            values.append(',').append(i);
        }
        values.append(']');
        String sweep = ",\"sweep\":{\"data.n\":" + values + ",\"data.noise\":" + values + "}";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> plan("no", sweep));
        assertEquals("$.sweep", e.jsonPath());
        assertTrue(e.getMessage().contains("4,900,000,000 points (70000 x 70000), more than the limit of 100,000")
                && e.getMessage().contains("--max-points"), e.getMessage());
    }

    @Test
    void staleFoldersOfGoneProcessesAreRemovedAndLiveOnesKept() throws Exception {
        Path out = folder.resolve("out");
        Path gone = Files.createDirectories(out.resolve("exp/.incomplete-20260101-000000-000-abcd-pid999999999"));
        Files.writeString(gone.resolve("half.png"), "x");
        Path live = Files.createDirectories(out.resolve("exp/.incomplete-20260101-000000-000-abce-pid"
                + ProcessHandle.current().pid()));
        assertEquals(List.of(gone), IncompleteFolders.removeStale(out));
        assertFalse(Files.exists(gone));
        assertTrue(Files.exists(live));
    }
}
