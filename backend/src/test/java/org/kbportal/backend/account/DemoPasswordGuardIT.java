package org.kbportal.backend.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.PostgresCluster;
import org.springframework.http.MediaType;

/**
 * An installation first started as the demo (published passwords), then restarted with the prod
 * profile on the same data directory and database: it refuses to start and names the accounts;
 * once their passwords are changed (or the account disabled) it starts.
 */
class DemoPasswordGuardIT {

    @Test
    void shouldRefuseProdWhileDemoPasswordsRemain() throws Exception {
        try (PostgresCluster pg = PostgresCluster.start("kb")) {
            Path data = BackendServer.tempDataDir("kb-demo-guard");
            Map<String, String> demo = pg.backendSettings(
                    "kb",
                    Map.of(
                            "kb.seed.index-data", "false",
                            "kb.search.embeddings", "false"));
            Map<String, String> prod = new HashMap<>(demo);
            prod.put("spring.profiles.active", "prod");
            prod.put("kb.seed.admin-password", "an-initial-admin-password");
            prod.put("kb.seed.secadmin-password", "an-initial-secadmin-password");
            prod.put("kb.seed.auditor-password", "an-initial-auditor-password");

            try (BackendServer first = BackendServer.start(data, demo)) {
                assertThat(first.login("user", "user-demo-2026")).isNotBlank();
            }

            assertThatThrownBy(() -> BackendServer.start(data, prod).close())
                    .rootCause()
                    .hasMessageContaining("refuses to start")
                    .hasMessageContaining("[admin, auditor, expert, expert2, secadmin, user, vendor]");

            try (BackendServer demoAgain = BackendServer.start(data, demo)) {
                // accounts are the security administrator's (separation of duties)
                String secadmin = demoAgain.login("secadmin", "secadmin-demo-2026");
                for (String name : List.of("expert", "expert2", "user", "auditor")) {
                    update(demoAgain, secadmin, name, Map.of("password", name + "-Changed-for-production"));
                }
                update(demoAgain, secadmin, "vendor", Map.of("enabled", false));
                // the security administrator's own password last (its token dies with the change)
                update(demoAgain, secadmin, "secadmin", Map.of("password", "secadmin-Changed-for-production"));
                // one demo password left: still refused, and only that account is named
            }
            assertThatThrownBy(() -> BackendServer.start(data, prod).close())
                    .rootCause()
                    .hasMessageContaining("[admin]");

            try (BackendServer demoAgain = BackendServer.start(data, demo)) {
                String secadmin = demoAgain.login("secadmin", "secadmin-Changed-for-production");
                update(demoAgain, secadmin, "admin", Map.of("password", "admin-changed-for-production"));
            }
            try (BackendServer production = BackendServer.start(data, prod)) {
                assertThat(production.login("admin", "admin-changed-for-production"))
                        .isNotBlank();
                production
                        .client()
                        .post()
                        .uri("/api/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("username", "user", "password", "user-demo-2026"))
                        .exchange()
                        .expectStatus()
                        .isUnauthorized();
            }
        }
    }

    private static void update(BackendServer s, String secadminToken, String username, Map<String, Object> change) {
        Number id = (Number) s
                .client()
                .get()
                .uri("/api/admin/users")
                .header("Authorization", "Bearer " + secadminToken)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(Map.class)
                .returnResult()
                .getResponseBody()
                .stream()
                .filter(u -> username.equals(u.get("username")))
                .findFirst()
                .orElseThrow()
                .get("id");
        s.client()
                .put()
                .uri("/api/admin/users/{id}", id)
                .header("Authorization", "Bearer " + secadminToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(change)
                .exchange()
                .expectStatus()
                .isOk();
    }
}
