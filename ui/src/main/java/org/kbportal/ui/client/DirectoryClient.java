package org.kbportal.ui.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The organisation's directory for admins ({@code /api/admin/directory}). */
@Component
public class DirectoryClient {

    /** One sync's result. */
    public record SyncResult(
            Instant startedAt,
            Instant finishedAt,
            String startedBy,
            int created,
            int updated,
            int disabled,
            int unchanged,
            String problem) {}

    /** A configuration problem: kind (unreachable, bind-credentials, filter, base, error) and text. */
    public record Problem(String kind, String message) {}

    /** The directory's state. */
    public record Status(
            boolean configured,
            String urls,
            Boolean reachable,
            Problem problem,
            String syncInterval,
            boolean createOnSync,
            SyncResult lastSync,
            Map<String, Long> accounts) {}

    /** Where an account comes from (LOCAL, LDAP, OIDC) and when it was last synchronised. */
    public record AccountOrigin(long id, String username, String source, Instant lastSyncedAt) {}

    private final RestClient http;

    public DirectoryClient(RestClient backendRestClient) {
        this.http = backendRestClient;
    }

    public Status status() {
        return BackendCalls.call(
                () -> http.get().uri("/api/admin/directory/status").retrieve().body(Status.class));
    }

    public SyncResult sync() {
        return BackendCalls.call(
                () -> http.post().uri("/api/admin/directory/sync").retrieve().body(SyncResult.class));
    }

    public List<AccountOrigin> accounts() {
        return BackendCalls.call(() -> http.get()
                .uri("/api/admin/directory/accounts")
                .retrieve()
                .body(new ParameterizedTypeReference<List<AccountOrigin>>() {}));
    }
}
