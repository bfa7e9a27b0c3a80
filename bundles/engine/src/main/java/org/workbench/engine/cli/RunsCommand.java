package org.workbench.engine.cli;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.workbench.api.Workbench;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.store.QueryAnswer;
import org.workbench.engine.store.RunQuery;
import org.workbench.engine.store.RunStore;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code runs}: the runs of a results folder from the run store (docs/run-store.md), brought up to
 * date with the folders first; filtered with {@code --where}, sorted, with the parameter and result
 * columns asked for, as a table, JSON or CSV.
 */
@Command(name = "runs", header = "List, filter and sort runs from the run store.",
        description = "List the runs of a results folder (one row per run, or per point of a sweep) from the run "
                + "store, an index of the result folders brought up to date at each call. Expressions: "
                + "experiment = 'p2-5-map-vs-posterior-mean' and prior.scale < 0.5 and "
                + "results.study.testMse.map.mean > 0.03; tag = 'final'; not status = 'ok'. See docs/run-store.md.")
final class RunsCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--where", paramLabel = "EXPR", description = "Only rows for which EXPR holds: KEY OP VALUE "
            + "(OP: = != < <= > >= ~) joined by and, or, not and parentheses; text in quotes.")
    String where;

    @Option(names = "--sort", paramLabel = "KEY", description = "Sort by KEY (-KEY: descending; default: newest first).")
    String sort;

    @Option(names = "--columns", paramLabel = "KEY", split = ",", description = "Parameter or result keys shown as "
            + "columns (prior.scale,results.map).")
    List<String> columns = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", description = "At most N rows (default: ${DEFAULT-VALUE}).")
    int limit = 50;

    @Option(names = "--offset", paramLabel = "N", description = "Skip the first N rows (default: ${DEFAULT-VALUE}).")
    int offset;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--json", description = "JSON (docs/run-store.md gives its shape).")
        boolean json;

        @Option(names = "--csv", description = "CSV with a header row.")
        boolean csv;
    }

    @Option(names = "--reindex", description = "Rebuild the index from the result folders first.")
    boolean reindex;

    @Option(names = "--rescan", description = "Compare every run folder with the index first (finds result.json "
            + "or tags edited by hand inside a run folder; without it only new and deleted run folders and the "
            + "workbench's own changes are looked for).")
    boolean rescan;

    @Option(names = "--timing", description = "Say on standard error how long opening, syncing and the query took.")
    boolean timing;

    RunsCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InvalidInputException, IOException {
        if (limit < 0 || offset < 0) {
            throw new InvalidInputException(null, null, "--limit and --offset take 0 or more, got "
                    + (limit < 0 ? "--limit " + limit : "--offset " + offset));
        }
        // the expression is checked before the store is opened: a typo costs nothing
        org.workbench.engine.store.WhereParser.parse(where);
        try (RunStore opened = store.open(context, org.workbench.engine.store.SyncMode.of(reindex, rescan), timing)) {
            long t0 = System.nanoTime();
            long c0 = org.workbench.engine.store.RunRecorder.cpuNanos();
            QueryAnswer answer = opened.query(new RunQuery(where, sort, columns, limit, offset));
            if (timing) {
                context.err().printf(java.util.Locale.ROOT, "timing: query %.1f ms, cpu %.1f ms (%d of %d rows)%n",
                        (System.nanoTime() - t0) / 1e6, (org.workbench.engine.store.RunRecorder.cpuNanos() - c0) / 1e6,
                        answer.rows().size(), answer.total());
            }
            if (format != null && format.json) {
                context.out().println(org.workbench.engine.store.RunsExport.json(answer, columns, limit, offset));
            } else if (format != null && format.csv) {
                context.out().print(org.workbench.engine.store.RunsExport.csv(answer, columns));
            } else {
                RunsFormats.table(answer, columns, context.out());
                if (answer.total() > answer.rows().size()) {
                    context.err().println(answer.rows().size() + " of " + answer.total() + " rows shown (--limit, --offset)");
                }
            }
            return Workbench.OK;
        } catch (SQLException e) {
            throw new IOException("the run store: " + e.getMessage(), e);
        }
    }
}
