package org.kbportal.backend.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Search-log rows past {@code kb.privacy.pseudonymise-after-days} lose their user name; younger rows and
 * everything else of the old rows stay.
 */
class SearchLogPseudonymiserIT {

    @Test
    void shouldDropUserNamesOfSearchLogRowsPastThePeriodOnly() {
        Map<String, String> settings = Map.of(
                "kb.seed.index-data", "false",
                "kb.search.embeddings", "false",
                "kb.privacy.pseudonymise-after-days", "30");
        try (BackendServer server = BackendServer.start(BackendServer.tempDataDir("kb-privacy"), settings)) {
            DatabaseClient db = server.bean(DatabaseClient.class);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            insert(db, 900_000_001L, "old search", "alice", now.minusDays(31));
            insert(db, 900_000_002L, "recent search", "bob", now.minusDays(29));

            Long changed =
                    server.bean(SearchLogPseudonymiser.class).pseudonymise().block(Duration.ofSeconds(10));

            assertThat(changed).isEqualTo(1L);
            assertThat(row(db, 900_000_001L))
                    .containsEntry("query", "old search")
                    .containsEntry("username", null);
            assertThat(row(db, 900_000_002L)).containsEntry("username", "bob");
            assertThat(server.bean(SearchLogPseudonymiser.class).pseudonymise().block(Duration.ofSeconds(10)))
                    .as("idempotent")
                    .isZero();
        }
    }

    private static void insert(DatabaseClient db, long id, String query, String user, OffsetDateTime at) {
        db.sql("INSERT INTO search_log (id, query, hits, latency_ms, user_role, username, created_at)"
                        + " VALUES (:id, :q, 3, 5, 'USER', :u, :at)")
                .bind("id", id)
                .bind("q", query)
                .bind("u", user)
                .bind("at", at)
                .then()
                .block(Duration.ofSeconds(10));
    }

    private static Map<String, Object> row(DatabaseClient db, long id) {
        return db.sql("SELECT query, username FROM search_log WHERE id = :id")
                .bind("id", id)
                .map(r -> {
                    Map<String, Object> m = new java.util.HashMap<>();
                    m.put("query", r.get("query", String.class));
                    m.put("username", r.get("username", String.class));
                    return m;
                })
                .one()
                .block(Duration.ofSeconds(10));
    }
}
