package org.kbportal.ui.client;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * One person's data for security administrators ({@code /api/admin/users/{id}/personal-data}); the export is a
 * download ({@link #exportPath}), the erasure a call.
 */
@Component
public class PersonalDataClient {

    /** What an erasure changed. */
    public record Erased(
            long userId,
            String formerUsername,
            String username,
            long searchRows,
            long questions,
            long notifications,
            long feedback,
            long mails) {}

    private final RestClient http;

    public PersonalDataClient(RestClient backendRestClient) {
        this.http = backendRestClient;
    }

    /** The backend path of the export (JSON), for a download link. */
    public static String exportPath(long userId) {
        return "/api/admin/users/" + userId + "/personal-data";
    }

    /** Erases the person's data (one transaction on the backend; audited there). */
    public Erased erase(long userId) {
        return BackendCalls.call(
                () -> http.delete().uri(exportPath(userId)).retrieve().body(Erased.class));
    }
}
