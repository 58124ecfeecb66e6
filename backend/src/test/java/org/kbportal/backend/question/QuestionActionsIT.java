package org.kbportal.backend.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.contract.question.QuestionAction;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A question's {@code actions} are what its endpoints accept: for the asker, the assignee, another expert and an
 * admin on questions in several states, every listed action is accepted (each tried on a fresh question in that
 * state) and every other one refused (400, 403, 404 or 409, the question unchanged). H2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuestionActionsIT {

    enum State {
        ASSIGNED,
        IN_PROGRESS,
        ANSWERED,
        RESOLVED
    }

    private BackendServer server;
    private Api api;
    private final Map<String, String> tokens = new java.util.LinkedHashMap<>();
    private long expert2Id;

    @BeforeAll
    void start() {
        server = BackendServer.start(
                BackendServer.tempDataDir("kb-question-actions-it"),
                Map.of("kb.seed.index-data", "false", "kb.search.embeddings", "false"));
        api = new Api(server.client());
        tokens.put("user", server.login("user", "user-demo-2026"));
        tokens.put("expert", server.login("expert", "expert-demo-2026"));
        tokens.put("expert2", server.login("expert2", "expert2-demo-2026"));
        tokens.put("admin", server.login("admin", "admin-demo-2026"));
        // every question of this test is routed to the L1 expert: lift the load limit
        for (Map<String, Object> e : api.getList(tokens.get("admin"), "/api/admin/experts")) {
            long id = ((Number) e.get("userId")).longValue();
            if ("expert2".equals(e.get("username"))) {
                expert2Id = id;
            }
            if ("expert".equals(e.get("username"))) {
                assertThat(api.put(
                                        tokens.get("admin"),
                                        "/api/admin/experts/" + id,
                                        Map.of("tier", e.get("tier"), "skills", e.get("skills"), "maxLoad", 100))
                                .status())
                        .isEqualTo(200);
            }
        }
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void everyListedActionIsAcceptedAndEveryOtherRefused() {
        List<String> wrong = new ArrayList<>();
        Map<String, Set<QuestionAction>> seen = new java.util.TreeMap<>();
        for (State state : State.values()) {
            for (String caller : tokens.keySet()) {
                long probe = questionIn(state);
                Set<QuestionAction> listed = actions(caller, probe);
                seen.put(state + " " + caller, listed);
                // the two kinds of message share an endpoint: the one not listed may be taken as the other kind,
                // which changes the question, so they come after the check that refusals change nothing
                List<QuestionAction> unlisted = new ArrayList<>(EnumSet.complementOf(toEnumSet(listed)));
                unlisted.sort(java.util.Comparator.comparing(
                        a -> a == QuestionAction.FOLLOW_UP || a == QuestionAction.ANSWER));
                boolean checked = false;
                for (QuestionAction action : unlisted) {
                    if (!checked && (action == QuestionAction.FOLLOW_UP || action == QuestionAction.ANSWER)) {
                        assertThat(statusOf(probe))
                                .as("a refused action changes nothing")
                                .isEqualTo(state.name());
                        checked = true;
                    }
                    int status = attempt(caller, probe, action);
                    if (status != -1 && !Set.of(400, 403, 404, 409).contains(status)) {
                        wrong.add(state + " " + caller + " " + action + ": not listed, but answered " + status);
                    }
                }
                for (QuestionAction action : listed) {
                    int status = attempt(caller, questionIn(state), action);
                    if (status == -1 || status >= 300) {
                        wrong.add(state + " " + caller + " " + action + ": listed, but answered " + status);
                    }
                }
            }
        }
        assertThat(wrong).as("actions and endpoints disagree; listed: " + seen).isEmpty();
        // the lists themselves, for the main roles
        assertThat(seen.get("ASSIGNED user"))
                .containsExactlyInAnyOrder(QuestionAction.FOLLOW_UP, QuestionAction.ATTACH);
        assertThat(seen.get("ASSIGNED expert"))
                .containsExactlyInAnyOrder(
                        QuestionAction.ANSWER,
                        QuestionAction.START,
                        QuestionAction.HAND_OVER,
                        QuestionAction.ESCALATE,
                        QuestionAction.ATTACH);
        assertThat(seen.get("ASSIGNED expert2")).isEmpty();
        assertThat(seen.get("ANSWERED user"))
                .containsExactlyInAnyOrder(QuestionAction.FOLLOW_UP, QuestionAction.RESOLVE, QuestionAction.ATTACH);
        assertThat(seen.get("RESOLVED user"))
                .containsExactlyInAnyOrder(QuestionAction.REOPEN, QuestionAction.RATE, QuestionAction.ATTACH);
        assertThat(seen.get("RESOLVED admin"))
                .containsExactlyInAnyOrder(QuestionAction.REOPEN, QuestionAction.PUBLISH, QuestionAction.ATTACH);
    }

    @Test
    void anActionsAnswerListsWhatFollowsAndAListHasNone() {
        long id = questionIn(State.ASSIGNED);
        Api.Reply started = api.post(tokens.get("expert"), "/api/questions/" + id + "/start", Map.of());
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.get("actions"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .contains("ANSWER")
                .doesNotContain("START", "FOLLOW_UP");
        assertThat(api.getList(tokens.get("user"), "/api/questions?mine=true"))
                .allSatisfy(q -> assertThat(q).doesNotContainKey("actions"));
    }

    private static EnumSet<QuestionAction> toEnumSet(Set<QuestionAction> s) {
        return s.isEmpty() ? EnumSet.noneOf(QuestionAction.class) : EnumSet.copyOf(s);
    }

    /** A new question of {@code user}, routed to {@code expert}, brought into {@code state}. */
    private long questionIn(State state) {
        Api.Reply asked = api.post(
                tokens.get("user"),
                "/api/questions",
                Map.of(
                        "title", "打印机无法连接 printer offline",
                        "body", "<p>三楼打印机离线</p>",
                        "kind", "FAULT",
                        "severity", "C",
                        "category", "network"));
        assertThat(asked.status()).isEqualTo(201);
        assertThat(asked.get("assignee")).isEqualTo("expert");
        long id = asked.id();
        String expert = tokens.get("expert");
        if (state == State.IN_PROGRESS) {
            assertThat(api.post(expert, "/api/questions/" + id + "/start", Map.of())
                            .status())
                    .isEqualTo(200);
        }
        if (state == State.ANSWERED || state == State.RESOLVED) {
            assertThat(api.post(expert, "/api/questions/" + id + "/messages", Map.of("body", "<p>重启打印机</p>"))
                            .status())
                    .isEqualTo(200);
        }
        if (state == State.RESOLVED) {
            assertThat(api.post(tokens.get("user"), "/api/questions/" + id + "/resolve", Map.of())
                            .status())
                    .isEqualTo(200);
        }
        assertThat(statusOf(id)).isEqualTo(state.name());
        return id;
    }

    private String statusOf(long id) {
        return (String) api.get(tokens.get("admin"), "/api/questions/" + id).get("status");
    }

    private Set<QuestionAction> actions(String caller, long id) {
        Api.Reply q = api.get(tokens.get(caller), "/api/questions/" + id);
        if (q.status() == 404) {
            return Set.of();
        }
        assertThat(q.status()).isEqualTo(200);
        Set<QuestionAction> out = EnumSet.noneOf(QuestionAction.class);
        for (Object a : (List<?>) q.get("actions")) {
            out.add(QuestionAction.valueOf((String) a));
        }
        return out;
    }

    /**
     * Tries {@code action}: the status of its endpoint's answer; for the two kinds of message (one endpoint) -1 when
     * the message was taken as the other kind.
     */
    private int attempt(String caller, long id, QuestionAction action) {
        String token = tokens.get(caller);
        String base = "/api/questions/" + id;
        return switch (action) {
            case FOLLOW_UP, ANSWER -> {
                Api.Reply r = api.post(token, base + "/messages", Map.of("body", "<p>更多信息 more</p>"));
                if (r.status() != 200) {
                    yield r.status();
                }
                List<Map<String, Object>> messages = r.list("messages");
                boolean fromExpert = (Boolean) messages.getLast().get("fromExpert");
                yield fromExpert == (action == QuestionAction.ANSWER) ? 200 : -1;
            }
            case START -> api.post(token, base + "/start", Map.of()).status();
            case RESOLVE -> api.post(token, base + "/resolve", Map.of()).status();
            case REOPEN ->
                api.post(token, base + "/reopen", Map.of("reason", "又坏了")).status();
            case CLAIM -> api.post(token, base + "/claim", Map.of()).status();
            case HAND_OVER ->
                api.post(token, base + "/handover", Map.of("to", expert2Id, "note", "二线"))
                        .status();
            case ESCALATE ->
                api.post(token, base + "/escalate", Map.of("reason", "需要二线")).status();
            case RATE ->
                api.post(token, base + "/rating", Map.of("attitude", 5, "expertise", 4, "timeliness", 5))
                        .status();
            case PUBLISH ->
                api.post(token, base + "/publish", Map.of("type", "FAQ")).status();
            case ATTACH -> {
                MultipartBodyBuilder body = new MultipartBodyBuilder();
                body.part("file", new ByteArrayResource("printer log".getBytes(StandardCharsets.UTF_8)) {
                            @Override
                            public String getFilename() {
                                return "printer.log";
                            }
                        })
                        .contentType(MediaType.APPLICATION_OCTET_STREAM);
                yield server.client()
                        .post()
                        .uri(base + "/attachments")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(BodyInserters.fromMultipartData(body.build()))
                        .exchange()
                        .expectBody(String.class)
                        .returnResult()
                        .getStatus()
                        .value();
            }
        };
    }
}
