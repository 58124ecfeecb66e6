package org.kbportal.ui.client;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * One person's data for security administrators ({@code /api/admin/users/{id}/personal-data}); the export is a
 * download ({@link #exportPath}), the erasure a call.
 */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
public interface PersonalDataClient {

    /** What an erasure changed. */
    record Erased(
            long userId,
            String formerUsername,
            String username,
            long searchRows,
            long questions,
            long notifications,
            long feedback,
            long mails) {}

    /** The backend path of the export (JSON), for a download link. */
    static String exportPath(long userId) {
        return "/api/admin/users/" + userId + "/personal-data";
    }

    /** Erases the person's data (one transaction on the backend; audited there). */
    @DeleteExchange("/api/admin/users/{id}/personal-data")
    Erased erase(@PathVariable("id") long userId);
}
