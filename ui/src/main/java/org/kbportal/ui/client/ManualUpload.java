package org.kbportal.ui.client;

import java.util.Map;

/**
 * An extraction job of a manual upload ({@code /api/admin/manuals/jobs/{id}}).
 *
 * @param state RUNNING, DONE or FAILED
 * @param done pages or elements extracted so far
 * @param total pages or elements in all (0 while unknown)
 * @param progress 0 to 1
 * @param result the manual when DONE
 * @param problem the problem when FAILED
 */
public record ManualUpload(
        String jobId,
        String state,
        String fileName,
        int done,
        int total,
        double progress,
        Result result,
        Map<String, Object> problem) {

    /** What the upload made. */
    public record Result(String id, String status, int sections, int version, Integer pages) {}

    public boolean running() {
        return "RUNNING".equals(state);
    }

    public boolean failed() {
        return "FAILED".equals(state);
    }

    /** The failure as a backend exception, for {@code ErrorMessages}. */
    public BackendException failure() {
        Map<String, Object> p = problem == null ? Map.of() : problem;
        Object status = p.getOrDefault("status", 500);
        return BackendException.of(new Problem(
                (String) p.get("type"),
                (String) p.get("title"),
                status instanceof Number n ? n.intValue() : 500,
                (String) p.get("detail"),
                null,
                null));
    }

    static ManualUpload done(Result result) {
        return new ManualUpload(null, "DONE", null, 1, 1, 1.0, result, null);
    }
}
