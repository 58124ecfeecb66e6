package org.kbportal.backend.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Attacks on question visibility, run on H2 ({@link QuestionAccessIT}) and PostgreSQL ({@link
 * QuestionAccessPostgresIT}): an expert whose role was removed, an inactive expert and a disabled
 * account lose the queue and other organisations' questions; organisations are compared by id, so a
 * user of a look-alike organisation ("ACME  corp " next to "Acme Corp") sees nothing of the other.
 */
final class QuestionAccessScenario {

    private final BackendServer server;
    private final Api api;
    private final String admin;
    private final String secadmin;

    QuestionAccessScenario(BackendServer server) {
        this.server = server;
        this.api = new Api(server.client());
        this.admin = server.login("admin", "admin-demo-2026");
        this.secadmin = server.login("secadmin", "secadmin-demo-2026");
    }

    void run() {
        // organisations are records; a look-alike name is refused by the API ...
        Api.Reply acme = api.post(admin, "/api/admin/organisations", Map.of("name", "  Acme   Corp "));
        assertThat(acme.status()).isEqualTo(201);
        assertThat(acme.get("name")).isEqualTo("Acme Corp");
        long acmeId = acme.id();
        Api.Reply twin = api.post(admin, "/api/admin/organisations", Map.of("name", "acme CORP"));
        assertThat(twin.status()).isEqualTo(409);
        assertThat(twin.get("type")).isEqualTo("urn:kb:organisation-exists");
        assertThat(api.post(admin, "/api/admin/organisations", Map.of("name", " "))
                        .status())
                .isEqualTo(400);
        // ... but one migrated from the free-text era may exist (V13 keeps distinct values apart)
        server.bean(DatabaseClient.class)
                .sql("INSERT INTO organisation (name, created_at) VALUES ('ACME  corp ', CURRENT_TIMESTAMP)")
                .then()
                .block();
        long lookAlikeId = api.getList(admin, "/api/admin/organisations").stream()
                .filter(o -> o.get("name").equals("ACME  corp "))
                .map(o -> ((Number) o.get("id")).longValue())
                .findFirst()
                .orElseThrow();
        assertThat(lookAlikeId).isNotEqualTo(acmeId);
        // an older client's free-text unit that matches two look-alikes is refused, not guessed
        assertThat(user("guess", null, "acme corp", "USER").status()).isEqualTo(409);

        String alice = login(user("alice", acmeId, null, "USER"));
        String bob = login(user("bob", lookAlikeId, null, "USER"));
        Api.Reply carolAccount = user("carol", null, "Acme Corp", "USER");
        assertThat(((Number) carolAccount.get("organisationId")).longValue()).isEqualTo(acmeId);
        String carol = login(carolAccount);

        long aliceQuestion = ask(alice, "打印机脱机 printer offline");
        long bobQuestion = ask(bob, "邮件发不出去 mail stuck");
        assertThat(api.get(bob, "/api/questions/" + aliceQuestion).status()).isEqualTo(404);
        assertThat(api.get(alice, "/api/questions/" + bobQuestion).status()).isEqualTo(404);
        assertThat(ids(bob)).contains(bobQuestion).doesNotContain(aliceQuestion);
        assertThat(ids(alice)).contains(aliceQuestion).doesNotContain(bobQuestion);
        // the same organisation (by id) still shares its questions
        assertThat(api.get(carol, "/api/questions/" + aliceQuestion).status()).isEqualTo(200);
        assertThat(ids(carol)).contains(aliceQuestion);
        // renaming the organisation changes nothing about who sees what
        assertThat(api.put(admin, "/api/admin/organisations/" + acmeId, Map.of("name", "Acme Corporation"))
                        .status())
                .isEqualTo(200);
        assertThat(api.get(carol, "/api/questions/" + aliceQuestion).status()).isEqualTo(200);
        assertThat(api.get(bob, "/api/questions/" + aliceQuestion).status()).isEqualTo(404);

        // an expert (no organisation of either) who holds Alice's question
        Api.Reply demotedAccount = user("demoted", null, "", "EXPERT");
        long demotedId = demotedAccount.id();
        String demoted = login(demotedAccount);
        expert(demotedId, true);
        handOver(aliceQuestion, demotedId);
        assertThat(api.get(demoted, "/api/questions/" + aliceQuestion).status()).isEqualTo(200);
        assertThat(status(demoted, "/api/expert/queue")).isEqualTo(200);
        // the EXPERT role is removed; the expert record stays (history, roster)
        assertThat(api.put(secadmin, "/api/admin/users/" + demotedId, Map.of("roles", List.of("USER")))
                        .status())
                .isEqualTo(200);
        assertThat(api.get(demoted, "/api/questions/" + aliceQuestion).status()).isEqualTo(404);
        assertThat(api.post(demoted, "/api/questions/" + aliceQuestion + "/messages", Map.of("body", "still here"))
                        .status())
                .isEqualTo(404);
        assertThat(ids(demoted)).doesNotContain(aliceQuestion, bobQuestion);
        assertThat(status(demoted, "/api/expert/queue")).isEqualTo(403);
        assertThat(status(demoted, "/api/expert/events")).isEqualTo(403);

        // an expert whose record is made inactive keeps the role but loses the questions
        Api.Reply idleAccount = user("idle", null, "", "EXPERT");
        long idleId = idleAccount.id();
        String idle = login(idleAccount);
        expert(idleId, true);
        handOver(bobQuestion, idleId);
        assertThat(api.get(idle, "/api/questions/" + bobQuestion).status()).isEqualTo(200);
        expert(idleId, false);
        assertThat(api.get(idle, "/api/questions/" + bobQuestion).status()).isEqualTo(404);
        assertThat(api.getList(idle, "/api/expert/queue")).isEmpty();
        assertThat(ids(idle)).doesNotContain(aliceQuestion, bobQuestion);
        Api.Reply events = api.get(idle, "/api/expert/events");
        assertThat(events.status()).isEqualTo(403);

        // a disabled account: its tokens are gone, and the account no longer counts as an expert
        expert(idleId, true);
        assertThat(api.get(idle, "/api/questions/" + bobQuestion).status()).isEqualTo(200);
        assertThat(api.put(secadmin, "/api/admin/users/" + idleId, Map.of("enabled", false))
                        .status())
                .isEqualTo(200);
        assertThat(api.get(idle, "/api/questions/" + bobQuestion).status()).isEqualTo(401);
        assertThat(api.getList(admin, "/api/admin/experts").stream()
                        .filter(e -> ((Number) e.get("userId")).longValue() == idleId)
                        .map(e -> e.get("active")))
                .containsExactly(false);
    }

    private Api.Reply user(String name, Long orgId, String unit, String role) {
        Map<String, Object> body = new HashMap<>(
                Map.of("username", name, "password", "Portal-pass-2026", "displayName", name, "roles", List.of(role)));
        if (orgId != null) {
            body.put("organisationId", orgId);
        }
        if (unit != null) {
            body.put("unit", unit);
        }
        return api.post(secadmin, "/api/admin/users", body);
    }

    private String login(Api.Reply account) {
        assertThat(account.status()).as("account %s", account.body()).isEqualTo(201);
        String name = (String) account.get("username");
        return server.login(name, "Portal-pass-2026");
    }

    private void expert(long userId, boolean active) {
        assertThat(api.put(
                                admin,
                                "/api/admin/experts/" + userId,
                                Map.of(
                                        "tier",
                                        "L1",
                                        "skills",
                                        List.of("network", "software"),
                                        "maxLoad",
                                        5,
                                        "active",
                                        active))
                        .status())
                .isEqualTo(200);
    }

    private void handOver(long question, long to) {
        Api.Reply r = api.post(admin, "/api/questions/" + question + "/handover", Map.of("to", to));
        assertThat(r.status()).as("handover %s", r.body()).isEqualTo(200);
    }

    private long ask(String token, String title) {
        Api.Reply r = api.post(
                token,
                "/api/questions",
                Map.of(
                        "title",
                        title,
                        "body",
                        "<p>" + title + "</p>",
                        "kind",
                        "CONSULTATION",
                        "severity",
                        "C",
                        "category",
                        "network"));
        assertThat(r.status()).isEqualTo(201);
        return r.id();
    }

    private List<Long> ids(String token) {
        return api.getList(token, "/api/questions").stream()
                .map(q -> ((Number) q.get("id")).longValue())
                .toList();
    }

    private int status(String token, String uri) {
        return server.client()
                .get()
                .uri(uri)
                .header("Authorization", "Bearer " + token)
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
    }
}
