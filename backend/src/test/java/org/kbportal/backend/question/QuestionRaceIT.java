package org.kbportal.backend.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.TwoInstances;
import org.springframework.http.HttpMethod;

/**
 * Two backend instances on one PostgreSQL: experts on different instances race to claim the same
 * queued questions, and every question ends up with exactly one assignee; searches on both instances
 * at once take query-log ids from blocks both reserve, and no id is given twice or lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuestionRaceIT {

    TwoInstances instances;
    BackendServer a;
    BackendServer b;

    @BeforeAll
    void start() throws Exception {
        instances = TwoInstances.start(
                "kb-race",
                Map.of(
                        // resolved questions close at the next monitor run, so both instances compete for it
                        "kb.questions.auto-close-days", "0",
                        "kb.questions.sla-check-interval", "300ms"));
        a = instances.a();
        b = instances.b();
    }

    @AfterAll
    void stop() throws Exception {
        if (instances != null) {
            instances.close();
        }
    }

    long userId(Api api, String admin, String username) {
        return api.getList(admin, "/api/admin/users").stream()
                .filter(u -> username.equals(u.get("username")))
                .mapToLong(u -> ((Number) u.get("id")).longValue())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void shouldAssignEachQuestionExactlyOnceWhenTwoInstancesRace() throws Exception {
        Api apiA = new Api(a.client());
        Api apiB = new Api(b.client());
        String admin = a.login("admin", "admin-demo-2026");
        String secadmin = a.login("secadmin", "secadmin-demo-2026");
        // nobody on duty for routing: the demo L1 expert is switched off, so questions wait in the queue
        assertThat(apiA.put(
                                admin,
                                "/api/admin/experts/" + userId(apiA, secadmin, "expert"),
                                Map.of("tier", "L1", "skills", List.of("network"), "maxLoad", 10, "active", false))
                        .status())
                .isEqualTo(200);
        for (String name : List.of("racer1", "racer2")) {
            assertThat(apiA.post(
                                    secadmin,
                                    "/api/admin/users",
                                    Map.of(
                                            "username",
                                            name,
                                            "password",
                                            "Portal-pass-2026",
                                            "displayName",
                                            name,
                                            "email",
                                            name + "@kb.example",
                                            "roles",
                                            List.of("EXPERT")))
                            .status())
                    .isEqualTo(201);
            assertThat(apiA.put(
                                    admin,
                                    "/api/admin/experts/" + userId(apiA, secadmin, name),
                                    Map.of("tier", "L1", "skills", List.of("network"), "maxLoad", 100))
                            .status())
                    .isEqualTo(200);
        }
        String racer1 = a.login("racer1", "Portal-pass-2026");
        String racer2 = b.login("racer2", "Portal-pass-2026");
        String user = b.login("user", "user-demo-2026");

        int n = 20;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Api.Reply q = (i % 2 == 0 ? apiA : apiB)
                    .post(
                            user,
                            "/api/questions",
                            Map.of(
                                    "title", "VPN 无法连接 " + i,
                                    "body", "<p>VPN error 809</p>",
                                    "kind", "FAULT",
                                    "severity", "C",
                                    "category", "network"));
            assertThat(q.status()).isEqualTo(201);
            assertThat(q.get("status")).isEqualTo("NEW");
            assertThat(q.get("assignee")).isNull();
            ids.add(q.id());
        }
        assertThat(apiB.getList(racer2, "/api/expert/queue")).hasSize(n);
        // the experts of the queue were told (in-portal, so also on their live event stream)
        assertThat(apiA.getList(racer1, "/api/notifications"))
                .filteredOn(x -> "QUEUED".equals(x.get("kind")))
                .extracting(x -> ((Number) x.get("questionId")).longValue())
                .containsExactlyInAnyOrderElementsOf(ids);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Reply>> one = new ArrayList<>();
            List<Future<Api.Reply>> two = new ArrayList<>();
            for (long id : ids) {
                Callable<Api.Reply> c1 =
                        () -> apiA.call(HttpMethod.POST, racer1, "/api/questions/" + id + "/claim", null);
                Callable<Api.Reply> c2 =
                        () -> apiB.call(HttpMethod.POST, racer2, "/api/questions/" + id + "/claim", null);
                one.add(pool.submit(c1));
                two.add(pool.submit(c2));
            }
            int wins1 = 0;
            int wins2 = 0;
            for (int i = 0; i < n; i++) {
                int s1 = one.get(i).get().status();
                int s2 = two.get(i).get().status();
                assertThat(List.of(s1, s2)).as("question " + ids.get(i)).containsExactlyInAnyOrder(200, 409);
                String winner = s1 == 200 ? "racer1" : "racer2";
                wins1 += s1 == 200 ? 1 : 0;
                wins2 += s2 == 200 ? 1 : 0;
                Api.Reply stored = apiA.get(admin, "/api/questions/" + ids.get(i));
                assertThat(stored.get("assignee")).isEqualTo(winner);
                assertThat(stored.get("status")).isEqualTo("ASSIGNED");
                assertThat(QuestionFlowIT.timelineTypes(stored))
                        .filteredOn("CLAIMED"::equals)
                        .hasSize(1);
            }
            assertThat(wins1 + wins2).isEqualTo(n);
        } finally {
            pool.shutdownNow();
        }
        assertThat(apiA.getList(racer1, "/api/expert/queue")).isEmpty();

        // without SMTP the e-mails (here: "nobody on duty" notices to the admin) wait in the outbox
        assertThat(apiB.getList(admin, "/api/admin/mail-outbox?pending=true"))
                .isNotEmpty()
                .allMatch(m -> m.get("sentAt") == null)
                .anyMatch(m -> "admin@kb.example".equals(m.get("recipient")) && "UNASSIGNED".equals(m.get("kind")));

        // both instances run the monitor; a resolved question is closed exactly once
        long id = ids.get(0);
        Api.Reply before = apiA.get(admin, "/api/questions/" + id);
        String winner = "racer1".equals(before.get("assignee")) ? racer1 : racer2;
        assertThat(apiA.post(winner, "/api/questions/" + id + "/messages", Map.of("body", "请重装 VPN 客户端"))
                        .get("status"))
                .isEqualTo("ANSWERED");
        assertThat(apiB.post(user, "/api/questions/" + id + "/resolve", Map.of())
                        .get("status"))
                .isEqualTo("RESOLVED");
        long deadline = System.currentTimeMillis() + 20_000;
        Api.Reply closed = apiA.get(admin, "/api/questions/" + id);
        while (!"CLOSED".equals(closed.get("status")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            closed = apiA.get(admin, "/api/questions/" + id);
        }
        assertThat(closed.get("status")).isEqualTo("CLOSED");
        assertThat(closed.get("closedAt")).isNotNull();
        Thread.sleep(1000);
        assertThat(apiB.get(admin, "/api/questions/" + id).list("timeline"))
                .filteredOn(e -> "CLOSED".equals(e.get("toStatus")))
                .hasSize(1);
    }

    @Test
    void shouldGiveEverySearchItsOwnLogIdWhenTwoInstancesLogAtOnce() throws Exception {
        String marker = "竞争日志" + System.nanoTime();
        int perThread = 150; // two threads per instance: 300 searches, more than one block of ids each
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> runs = new ArrayList<>();
            for (BackendServer server : List.of(a, b, a, b)) {
                Callable<List<Long>> searches = () -> {
                    Api api = new Api(server.client());
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        Api.Reply r = api.get(null, "/api/search?q=" + marker + " " + i);
                        assertThat(r.status()).isEqualTo(200);
                        ids.add(((Number) r.get("logId")).longValue());
                    }
                    return ids;
                };
                runs.add(pool.submit(searches));
            }
            java.util.Set<Long> all = new java.util.HashSet<>();
            for (Future<List<Long>> run : runs) {
                all.addAll(run.get());
            }
            assertThat(all).hasSize(4 * perThread);
            for (BackendServer server : List.of(a, b)) {
                server.bean(org.kbportal.backend.search.SearchLog.class)
                        .flush()
                        .block(java.time.Duration.ofSeconds(10));
            }
            List<Long> logged = a.bean(org.springframework.r2dbc.core.DatabaseClient.class)
                    .sql("SELECT id FROM search_log WHERE query LIKE :m")
                    .bind("m", marker + "%")
                    .map(r -> ((Number) r.get("id")).longValue())
                    .all()
                    .collectList()
                    .block(java.time.Duration.ofSeconds(10));
            assertThat(new java.util.HashSet<>(logged)).isEqualTo(all);
        } finally {
            pool.shutdownNow();
        }
    }
}
