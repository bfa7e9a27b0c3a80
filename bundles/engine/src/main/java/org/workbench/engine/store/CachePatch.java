package org.workbench.engine.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Keeps the cache files beside an embedded store ({@link ValueColumns}' columns, {@link RowFields}' rows)
 * current across a write, instead of leaving them stale for the next query to rebuild whole: a write knows
 * the rows it removed and the runs it added, so each file made in the state just before the write is patched
 * and stamped with the state after it.
 *
 * <p>Several processes may write to one store. A file is patched only when the store's state after this
 * write differs from the file's stamp by this write's token alone: the store's row of the origin holds the
 * token this write set (no write to it since), and every other row is as the file was made (or as another
 * writer's patch left it). Otherwise the file is left stale, never read, and made again by the next query
 * that wants it. A patched file is written whole under a temporary name and renamed into place, stamped with
 * the state whose content it holds; a value column that the write left as it was (a tag, a note) is instead
 * re-stamped in place ({@link CacheFile#restamp}): its header is checked to hold the state before the write,
 * and only the stamp's bytes are written over, never the body. So a file is never stamped with a state it
 * does not describe, even with two processes patching at once: a stamp torn midway (a crash) matches neither
 * state, and the file is made again by the next query that wants it.
 */
final class CachePatch {
    private CachePatch() {
    }

    /**
     * Patches the files in {@code folder} after a committed write that set {@code tokenName}'s token from
     * {@code replaced} to {@code written}, removing the rows {@code removed} (sorted) and adding {@code added}.
     */
    static void apply(Connection connection, Path folder, String tokenName, String written, String replaced,
            long[] removed, List<StoredRun> added) throws SQLException {
        if (folder == null || written == null || replaced == null || !Files.isDirectory(folder)) {
            return;
        }
        String to = ValueColumns.state(connection);
        connection.commit();
        String from = before(to, tokenName, written, replaced);
        if (from == null) {
            return; // written again since: a query makes the files again
        }
        ValueColumns.patch(folder, from, to, removed, added);
        RowFields.patch(folder, from, to, removed, added);
    }

    /**
     * The state {@code to} had before the write that set {@code tokenName} from {@code replaced} to {@code written},
     * or {@code null} when {@code to}'s token is not {@code written} (another write came after it).
     */
    static String before(String to, String tokenName, String written, String replaced) {
        String ours = tokenName + "=" + written + "\n";
        int at;
        if (to.startsWith(ours)) {
            at = 0;
        } else {
            int line = to.indexOf("\n" + ours);
            if (line < 0) {
                return null;
            }
            at = line + 1;
        }
        return to.substring(0, at) + tokenName + "=" + replaced + "\n" + to.substring(at + ours.length());
    }
}
