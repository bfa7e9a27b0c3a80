package org.workbench.web;

/**
 * Where the pages point: at the server's paths while serving, or at relative files when the
 * same templates write the static report beside the result folders.
 *
 * @param live whether the pages are served (else the static report)
 */
record Links(boolean live) {
    static final Links SERVED = new Links(true);
    static final Links REPORT = new Links(false);

    String question(String id) {
        return live ? "/question/" + id : "#q-" + id;
    }

    String run(String runId) {
        return live ? "/runs/" + runId : runId + "/result.json";
    }

    String file(String runId, String file) {
        return live ? "/files/" + runId + "/" + file : runId + "/" + file;
    }

    String assets() {
        return live ? "/static/" : ReportPages.ASSETS + "/";
    }

    String home() {
        return live ? "/" : "report.html";
    }
}
