package org.workbench.engine.store;

import java.sql.SQLException;

/** One line saying why the store could not do something, for warnings and failures. */
final class StoreWarnings {
    private StoreWarnings() {
    }

    static String of(String url, Exception e) {
        String message = e instanceof SQLException s && s.getSQLState() != null ? s.getMessage() + " (SQL state "
                + s.getSQLState() + ")" : String.valueOf(e.getMessage());
        return "the run store " + safeUrl(url) + ": " + message.lines().findFirst().orElse(message);
    }

    /** {@code url} without a password it may carry. */
    static String safeUrl(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
