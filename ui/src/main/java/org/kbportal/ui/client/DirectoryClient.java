package org.kbportal.ui.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The organisation's directory for admins ({@code /api/admin/directory}). */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
public interface DirectoryClient {

    /** One sync's result. */
    record SyncResult(
            Instant startedAt,
            Instant finishedAt,
            String startedBy,
            int created,
            int updated,
            int disabled,
            int unchanged,
            String problem) {}

    /** A configuration problem: kind (unreachable, bind-credentials, filter, base, error) and text. */
    record Problem(String kind, String message) {}

    /** The directory's state. */
    record Status(
            boolean configured,
            String urls,
            Boolean reachable,
            Problem problem,
            String syncInterval,
            boolean createOnSync,
            SyncResult lastSync,
            Map<String, Long> accounts) {}

    /** Where an account comes from (LOCAL, LDAP, OIDC) and when it was last synchronised. */
    record AccountOrigin(long id, String username, String source, Instant lastSyncedAt) {}

    @GetExchange("/api/admin/directory/status")
    Status status();

    @PostExchange("/api/admin/directory/sync")
    SyncResult sync();

    @GetExchange("/api/admin/directory/accounts")
    List<AccountOrigin> accounts();
}
