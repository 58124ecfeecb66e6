package org.kbportal.backend.question;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.MailCatcher;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/**
 * The online-questions flow on the embedded default (H2) with a real SMTP server (GreenMail): ask →
 * routed to the on-duty expert → e-mail → answer → e-mail → resolve → rate → publish as FAQ draft →
 * admin publishes → found by search; plus hostile inputs, visibility, illegal transitions, the live
 * event stream, escalation and the SLA monitor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuestionFlowIT {

    GreenMail smtp;
    BackendServer server;
    Api api;
    String admin;
    String secadmin;
    String auditor;
    String expert;
    String user;
    long slaQuestion;
    Instant slaAskedAt;

    @BeforeAll
    void start() throws Exception {
        smtp = MailCatcher.start();
        server = BackendServer.start(
                BackendServer.tempDataDir("kb-questions-it"),
                Map.of(
                        "kb.seed.index-data", "false",
                        "kb.search.embeddings", "false",
                        "spring.mail.host", "127.0.0.1",
                        "spring.mail.port", MailCatcher.port(smtp),
                        "kb.questions.mail-drain-interval", "200ms",
                        "kb.questions.sla-check-interval", "500ms"));
        api = new Api(server.client());
        admin = server.login("admin", "admin-demo-2026");
        secadmin = server.login("secadmin", "secadmin-demo-2026");
        auditor = server.login("auditor", "auditor-demo-2026");
        expert = server.login("expert", "expert-demo-2026");
        user = server.login("user", "user-demo-2026");
        // a question whose reply clock runs out in a minute; checked by the last test
        assertThat(api.put(
                                admin,
                                "/api/admin/sla-policies/FAULT/E",
                                Map.of("replyMinutes", 1, "resolveMinutes", 600, "workingTime", false))
                        .status())
                .isEqualTo(200);
        Api.Reply sla = ask(user, "FAULT", "E", "backup", "备份任务失败 backup job failed", "<p>每晚备份失败</p>");
        assertThat(sla.status()).isEqualTo(201);
        slaQuestion = sla.id();
        slaAskedAt = Instant.now();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    Api.Reply ask(String token, String kind, String severity, String category, String title, String body) {
        return api.post(
                token,
                "/api/questions",
                Map.of("title", title, "body", body, "kind", kind, "severity", severity, "category", category));
    }

    MimeMessage awaitMail(String to, Predicate<String> subject) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                boolean toMatches = Arrays.stream(m.getAllRecipients())
                        .anyMatch(a -> a.toString().equals(to));
                if (toMatches && subject.test(m.getSubject())) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + to + " within 20 s; got "
                + Arrays.stream(smtp.getReceivedMessages())
                        .map(m -> {
                            try {
                                return m.getSubject();
                            } catch (Exception e) {
                                return "?";
                            }
                        })
                        .toList());
    }

    @SuppressWarnings("unchecked")
    static List<String> timelineTypes(Api.Reply q) {
        return q.list("timeline").stream().map(e -> (String) e.get("type")).toList();
    }

    @Test
    @Order(1)
    void shouldRunTheWholeFlowFromQuestionToPublishedKnowledge() throws Exception {
        // the expert reads English e-mails, the user keeps the default (Chinese)
        assertThat(api.get(expert, "/api/notifications/language").body().get("lang"))
                .isEqualTo("zh");
        assertThat(api.put(expert, "/api/notifications/language", Map.of("lang", "en"))
                        .status())
                .isEqualTo(200);
        assertThat(api.get(expert, "/api/notifications/language").body().get("lang"))
                .isEqualTo("en");
        assertThat(api.put(expert, "/api/notifications/language", Map.of("lang", "fr"))
                        .status())
                .isEqualTo(400);

        // the expert's live stream is open before the question arrives
        CountDownLatch connected = new CountDownLatch(1);
        CompletableFuture<ServerSentEvent<Map<String, Object>>> pushed = new CompletableFuture<>();
        Disposable stream = WebClient.create(server.baseUrl())
                .get()
                .uri("/api/expert/events")
                .header("Authorization", "Bearer " + expert)
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                .subscribe(e -> {
                    if ("connected".equals(e.comment())) {
                        connected.countDown();
                    } else if ("ASSIGNED".equals(e.event()) && e.data() != null) {
                        pushed.complete(e);
                    }
                });
        try {
            assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();

            Api.Reply created = ask(
                    user,
                    "FAULT",
                    "B",
                    "network",
                    "交换机端口频繁闪断 flapping switch port",
                    "<p>三楼交换机 Gi0/12 端口频繁 up/down<script>alert(1)</script></p>");
            long askedAt = System.nanoTime();
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.get("status")).isEqualTo("ASSIGNED");
            assertThat(created.get("assignee")).isEqualTo("expert");
            long id = created.id();
            assertThat(Duration.between(Instant.parse((String) created.get("replyDueAt")), Instant.parse((String)
                            created.get("resolveDueAt"))))
                    .isEqualTo(Duration.ofMinutes(180));

            // pushed to the expert within a second
            ServerSentEvent<Map<String, Object>> event = pushed.get(5, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - askedAt)).isLessThan(Duration.ofMillis(1000));
            assertThat(((Number) event.data().get("questionId")).longValue()).isEqualTo(id);

            // the expert gets an e-mail in English
            MimeMessage assigned = awaitMail("expert@kb.example", s -> s.contains("#" + id) && s.startsWith("[KB]"));
            assertThat(assigned.getSubject()).contains("assigned to you");

            Api.Reply seen = api.get(expert, "/api/questions/" + id);
            assertThat(seen.status()).isEqualTo(200);
            assertThat((String) seen.get("body")).contains("Gi0/12").doesNotContain("script");
            assertThat(timelineTypes(seen)).containsExactly("CREATED", "ROUTED");

            // the expert answers: ANSWERED, first reply recorded, the user is told by e-mail (Chinese)
            Api.Reply answered = api.post(
                    expert,
                    "/api/questions/" + id + "/messages",
                    Map.of(
                            "body",
                            "<p>端口协商异常，日志见附件。</p><ol><li>将 Gi0/12 固定为 1000M 全双工</li><li>更换网线</li></ol>"
                                    + "<p>如仍有问题请联系 13812345678 或 noc@corp.example。</p>"));
            assertThat(answered.status()).isEqualTo(200);
            assertThat(answered.get("status")).isEqualTo("ANSWERED");
            assertThat(answered.get("firstReplyAt")).isNotNull();
            MimeMessage toUser = awaitMail("user@kb.example", s -> s.contains("#" + id) && s.contains("答复"));
            assertThat(GreenMailUtil.getBody(toUser)).isNotEmpty();

            // in-portal notification for the user
            List<Map<String, Object>> notes = api.getList(user, "/api/notifications");
            assertThat(notes)
                    .anyMatch(
                            n -> "ANSWERED".equals(n.get("kind")) && ((Number) n.get("questionId")).longValue() == id);
            assertThat(((Number) api.get(user, "/api/notifications/unread-count")
                                    .get("unread"))
                            .longValue())
                    .isPositive();
            api.post(user, "/api/notifications/read-all", Map.of());
            assertThat(((Number) api.get(user, "/api/notifications/unread-count")
                                    .get("unread"))
                            .longValue())
                    .isZero();

            // the user resolves and rates
            assertThat(api.post(user, "/api/questions/" + id + "/resolve", Map.of())
                            .get("status"))
                    .isEqualTo("RESOLVED");
            Api.Reply rated = api.post(
                    user,
                    "/api/questions/" + id + "/rating",
                    Map.of("attitude", 5, "expertise", 5, "timeliness", 4, "comment", "很快解决"));
            assertThat(rated.status()).isEqualTo(200);
            assertThat(timelineTypes(rated)).contains("MESSAGE", "STATUS", "RATED");

            // the expert publishes the answer as an FAQ draft, contact data removed
            Api.Reply published = api.post(expert, "/api/questions/" + id + "/publish", Map.of("type", "FAQ"));
            assertThat(published.status()).isEqualTo(201);
            String articleId = (String) published.get("articleId");
            assertThat(articleId).isEqualTo("Q-" + id + "-faq");
            Api.Reply draft = api.get(admin, "/api/articles/" + articleId);
            // proposals from answered questions arrive in the reviewers' queue
            assertThat(draft.get("status")).isEqualTo("IN_REVIEW");
            // it reads like an article: Markdown paragraphs and list, placeholders in Chinese, no attachment
            // pointer, no internal tag; curators see where it came from in the submission comment
            assertThat((String) draft.get("body"))
                    .isEqualTo("## 问题\n\n三楼交换机 Gi0/12 端口频繁 up/down\n\n## 解答\n\n端口协商异常。\n\n"
                            + "1. 将 Gi0/12 固定为 1000M 全双工\n2. 更换网线\n\n如仍有问题请联系 （电话已隐去） 或 （邮箱已隐去）。");
            assertThat((List<?>) draft.get("tags")).isEmpty();
            assertThat(api.get(admin, "/api/expert/articles/" + articleId + "/workflow")
                            .body()
                            .toString())
                    .contains("由问题 #" + id + " 整理");
            // the review queue shows the draft's body
            assertThat(api.getList(admin, "/api/admin/review-queue"))
                    .anyMatch(r -> articleId.equals(r.get("id")) && ((String) r.get("excerpt")).contains("2. 更换网线"));
            assertThat(api.get(user, "/api/questions/" + id).get("articleId")).isEqualTo(articleId);
            // asking again names the existing draft
            Api.Reply again = api.post(expert, "/api/questions/" + id + "/publish", Map.of("type", "FAQ"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.get("type")).isEqualTo("urn:kb:already-published");
            assertThat(again.get("articleId")).isEqualTo(articleId);

            // the admin publishes; search finds it
            assertThat(api.post(admin, "/api/admin/articles/" + articleId + "/publish", Map.of())
                            .status())
                    .isEqualTo(200);
            long deadline = System.currentTimeMillis() + 30_000;
            List<String> hits = List.of();
            while (System.currentTimeMillis() < deadline) {
                hits = api.get(null, "/api/search?q=交换机端口闪断").list("hits").stream()
                        .map(h -> (String) h.get("id"))
                        .toList();
                if (hits.contains(articleId)) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(hits).contains(articleId);

            // every e-mail went through SMTP and is marked sent in the outbox
            List<Map<String, Object>> outbox = api.getList(admin, "/api/admin/mail-outbox");
            assertThat(outbox)
                    .filteredOn(m -> "user@kb.example".equals(m.get("recipient")))
                    .anyMatch(m -> m.get("sentAt") != null && ((Number) m.get("attempts")).intValue() == 1);
        } finally {
            stream.dispose();
        }
    }

    @Test
    @Order(2)
    void shouldRejectHostileInputWithReadableProblems() {
        Api.Reply badKind = ask(user, "PANIC", "B", "network", "t", "b");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.get("type")).isEqualTo("urn:kb:validation");
        assertThat(badKind.list("errors")).anyMatch(e -> "kind".equals(e.get("field")));
        Api.Reply badSeverity = ask(user, "FAULT", "Z", "network", "t", "b");
        assertThat(badSeverity.status()).isEqualTo(400);
        assertThat(badSeverity.list("errors")).anyMatch(e -> "severity".equals(e.get("field")));
        Api.Reply huge = ask(user, "FAULT", "B", "network", "t", "x".repeat(20_001));
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.list("errors")).anyMatch(e -> "body".equals(e.get("field")));
        Api.Reply onlyScript = ask(user, "FAULT", "B", "network", "t", "<script>alert(1)</script>");
        assertThat(onlyScript.status()).isEqualTo(400);
        Api.Reply category = ask(user, "FAULT", "B", "no-such-thing", "t", "b");
        assertThat(category.status()).isEqualTo(400);
        assertThat((String) category.get("detail")).contains("Unknown category");
        assertThat(api.post(null, "/api/questions", Map.of("title", "t")).status())
                .isEqualTo(401);
        assertThat(api.call(HttpMethod.GET, user, "/api/expert/queue", null).status())
                .isEqualTo(403);
        assertThat(api.get(user, "/api/admin/mail-outbox").status()).isEqualTo(403);
    }

    @Test
    @Order(3)
    void shouldHideQuestionsFromOtherOrganisations() {
        long id = ask(user, "CONSULTATION", "C", "database", "如何导出慢查询日志", "<p>MySQL 慢查询</p>")
                .id();
        api.post(
                secadmin,
                "/api/admin/users",
                Map.of(
                        "username", "outsider",
                        "password", "Portal-pass-2026",
                        "displayName", "外单位用户",
                        "unit", "另一个单位",
                        "roles", List.of("USER")));
        api.post(
                secadmin,
                "/api/admin/users",
                Map.of(
                        "username", "colleague",
                        "password", "Portal-pass-2026",
                        "displayName", "同事",
                        "unit", "市政务服务中心",
                        "roles", List.of("USER")));
        String outsider = server.login("outsider", "Portal-pass-2026");
        String colleague = server.login("colleague", "Portal-pass-2026");
        assertThat(api.get(outsider, "/api/questions/" + id).status()).isEqualTo(404);
        assertThat(api.post(outsider, "/api/questions/" + id + "/messages", Map.of("body", "hi"))
                        .status())
                .isEqualTo(404);
        assertThat(api.post(outsider, "/api/questions/" + id + "/resolve", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.getList(outsider, "/api/questions")).isEmpty();
        // the asker's organisation follows it, but cannot rate it
        assertThat(api.get(colleague, "/api/questions/" + id).status()).isEqualTo(200);
        assertThat(api.getList(colleague, "/api/questions")).anyMatch(q -> ((Number) q.get("id")).longValue() == id);
        assertThat(api.getList(user, "/api/questions?mine=true"))
                .anyMatch(q -> ((Number) q.get("id")).longValue() == id);
        // a user cannot answer, claim or escalate
        assertThat(api.post(user, "/api/questions/" + id + "/escalate", Map.of("reason", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(user, "/api/questions/" + id + "/claim", Map.of()).status())
                .isEqualTo(403);
    }

    @Test
    @Order(4)
    void shouldRefuseIllegalTransitionsWithConflict() {
        long id = ask(user, "CONSULTATION", "D", "software", "Office 激活失败", "<p>提示 0xC004F074</p>")
                .id();
        Api.Reply resolveEarly = api.post(user, "/api/questions/" + id + "/resolve", Map.of());
        assertThat(resolveEarly.status()).isEqualTo(409);
        assertThat(resolveEarly.get("type")).isEqualTo("urn:kb:illegal-transition");
        assertThat(api.post(
                                user,
                                "/api/questions/" + id + "/rating",
                                Map.of("attitude", 5, "expertise", 5, "timeliness", 5))
                        .status())
                .isEqualTo(409);
        assertThat(api.post(
                                user,
                                "/api/questions/" + id + "/rating",
                                Map.of("attitude", 9, "expertise", 5, "timeliness", 5))
                        .status())
                .isEqualTo(400);

        // wait for the user: the clocks stop, the user's reply restarts them
        Api.Reply waiting = api.post(
                expert, "/api/questions/" + id + "/messages", Map.of("body", "请提供 KMS 服务器地址", "waitForUser", true));
        assertThat(waiting.get("status")).isEqualTo("WAITING_FOR_USER");
        assertThat(waiting.get("paused")).isEqualTo(true);
        Api.Reply back = api.post(user, "/api/questions/" + id + "/messages", Map.of("body", "kms.example:1688"));
        assertThat(back.get("status")).isEqualTo("IN_PROGRESS");
        assertThat(back.get("paused")).isEqualTo(false);
        assertThat(Instant.parse((String) back.get("replyDueAt")))
                .isAfterOrEqualTo(Instant.parse((String) waiting.get("replyDueAt")));

        api.post(expert, "/api/questions/" + id + "/messages", Map.of("body", "请执行 slmgr /skms kms.example"));
        assertThat(api.post(user, "/api/questions/" + id + "/resolve", Map.of()).get("status"))
                .isEqualTo("RESOLVED");
        assertThat(api.post(user, "/api/questions/" + id + "/resolve", Map.of()).status())
                .isEqualTo(409);
        assertThat(api.post(user, "/api/questions/" + id + "/messages", Map.of("body", "again"))
                        .status())
                .isEqualTo(409);
        assertThat(api.post(user, "/api/questions/" + id + "/reopen", Map.of("reason", "又出现了"))
                        .get("status"))
                .isEqualTo("REOPENED");
        // low rating only after it is resolved again; a rating of 1-2 flags it for admins
        api.post(expert, "/api/questions/" + id + "/messages", Map.of("body", "请重启后再试"));
        api.post(user, "/api/questions/" + id + "/resolve", Map.of());
        Api.Reply low = api.post(
                user,
                "/api/questions/" + id + "/rating",
                Map.of("attitude", 2, "expertise", 3, "timeliness", 3, "comment", "慢"));
        assertThat(((Map<?, ?>) low.get("rating")).get("flagged")).isEqualTo(true);
        assertThat(api.post(
                                user,
                                "/api/questions/" + id + "/rating",
                                Map.of("attitude", 5, "expertise", 5, "timeliness", 5))
                        .status())
                .isEqualTo(409);
        assertThat(api.getList(admin, "/api/notifications")).anyMatch(n -> "LOW_RATING".equals(n.get("kind")));
    }

    @Test
    @Order(5)
    void shouldEscalateByHandToTheNextTier() {
        long id = ask(user, "FAULT", "A", "security", "疑似勒索病毒", "<p>文件被加密</p>").id();
        Api.Reply noReason = api.post(expert, "/api/questions/" + id + "/escalate", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        // who is on duty above L1 right now: expert2 (L2, weekdays 08-20 Shanghai), vendor (L3, weekdays 09-18)
        boolean anyoneAbove = api.get(expert, "/api/expert/duty/now?category=security").list("tiers").stream()
                .filter(t -> !"L1".equals(t.get("tier")))
                .anyMatch(t -> !((List<?>) t.get("onDuty")).isEmpty());
        Api.Reply escalated = api.post(expert, "/api/questions/" + id + "/escalate", Map.of("reason", "需要安全专家"));
        assertThat(escalated.status()).isEqualTo(200);
        assertThat(escalated.get("escalated")).isEqualTo(true);
        assertThat(escalated.get("tier")).isIn("L2", "L3");
        if (anyoneAbove) {
            assertThat(escalated.get("assignee")).isIn("expert2", "vendor");
        } else {
            // nights and weekends: never an off-duty contact; it waits and the asker learns until when
            assertThat(escalated.get("assignee")).isNull();
            assertThat(api.getList(user, "/api/notifications"))
                    .anyMatch(n -> "WAITING".equals(n.get("kind")) && ((Number) n.get("questionId")).longValue() == id);
        }
        assertThat(timelineTypes(escalated)).contains("ESCALATED");
        assertThat(api.getList(user, "/api/duty/now")).anyMatch(e -> "expert".equals(e.get("username")));
        // the previous assignee may no longer escalate it
        assertThat(api.post(expert, "/api/questions/" + id + "/escalate", Map.of("reason", "again"))
                        .status())
                .isEqualTo(403);
    }

    long userId(String username) {
        return api.getList(secadmin, "/api/admin/users").stream()
                .filter(u -> username.equals(u.get("username")))
                .mapToLong(u -> ((Number) u.get("id")).longValue())
                .findFirst()
                .orElseThrow();
    }

    @Test
    @Order(6)
    void shouldLetAdminsManageExpertsRosterCalendarAndPolicies() {
        List<Map<String, Object>> experts = api.getList(admin, "/api/admin/experts");
        assertThat(experts)
                .extracting(e -> e.get("username") + ":" + e.get("tier"))
                .contains("expert:L1", "expert2:L2", "vendor:L3");
        assertThat(experts)
                .filteredOn(e -> "vendor".equals(e.get("username")))
                .allMatch(e -> e.get("organisation") != null);
        assertThat(api.get(expert, "/api/admin/experts").status()).isEqualTo(403);
        long expert2 = userId("expert2");

        Api.Reply shift = api.post(
                admin,
                "/api/admin/shifts",
                Map.of("expertId", expert2, "dayOfWeek", 6, "start", "22:00", "end", "06:00"));
        assertThat(shift.status()).isEqualTo(201);
        assertThat(api.getList(admin, "/api/admin/shifts"))
                .anyMatch(x -> ((Number) x.get("id")).longValue() == shift.id());
        assertThat(api.call(HttpMethod.DELETE, admin, "/api/admin/shifts/" + shift.id(), null)
                        .status())
                .isEqualTo(204);
        Api.Reply badShift = api.post(
                admin,
                "/api/admin/shifts",
                Map.of("expertId", expert2, "dayOfWeek", 8, "start", "22:00", "end", "06:00"));
        assertThat(badShift.status()).isEqualTo(400);
        assertThat(badShift.list("errors")).anyMatch(e -> "dayOfWeek".equals(e.get("field")));

        Api.Reply off = api.post(
                admin, "/api/admin/duty-overrides", Map.of("expertId", expert2, "date", "2026-12-24", "onDuty", false));
        assertThat(off.status()).isEqualTo(201);
        assertThat(api.getList(admin, "/api/admin/duty-overrides?from=2026-12-01&to=2026-12-31"))
                .anyMatch(x -> ((Number) x.get("id")).longValue() == off.id());
        assertThat(api.call(HttpMethod.DELETE, admin, "/api/admin/duty-overrides/" + off.id(), null)
                        .status())
                .isEqualTo(204);

        assertThat(api.put(admin, "/api/admin/calendar/days/2026-10-01", Map.of("working", false, "name", "国庆节"))
                        .status())
                .isEqualTo(200);
        assertThat(api.put(admin, "/api/admin/calendar/days/2026-10-10", Map.of("working", true, "name", "调休"))
                        .status())
                .isEqualTo(200);
        assertThat(api.getList(admin, "/api/admin/calendar/days"))
                .extracting(d -> d.get("date") + ":" + d.get("working"))
                .contains("2026-10-01:false", "2026-10-10:true");
        assertThat(api.call(HttpMethod.DELETE, admin, "/api/admin/calendar/days/2026-10-01", null)
                        .status())
                .isEqualTo(204);
        assertThat(api.call(HttpMethod.DELETE, admin, "/api/admin/calendar/days/2026-10-10", null)
                        .status())
                .isEqualTo(204);
        assertThat(api.getList(admin, "/api/admin/calendar/hours")).hasSize(5);
        List<Map<String, Object>> sixDays = new java.util.ArrayList<>();
        for (int d = 1; d <= 6; d++) {
            sixDays.add(Map.of("dayOfWeek", d, "start", "08:30", "end", d == 6 ? "12:00" : "17:30"));
        }
        assertThat(api.callList(HttpMethod.PUT, admin, "/api/admin/calendar/hours", sixDays))
                .hasSize(6)
                .anyMatch(h -> ((Number) h.get("dayOfWeek")).intValue() == 6 && "12:00:00".equals(h.get("end")));
        assertThat(api.call(
                                HttpMethod.PUT,
                                admin,
                                "/api/admin/calendar/hours",
                                List.of(Map.of("dayOfWeek", 9, "start", "08:30", "end", "17:30")))
                        .status())
                .isEqualTo(400);
        List<Map<String, Object>> office = new java.util.ArrayList<>();
        for (int d = 1; d <= 5; d++) {
            office.add(Map.of("dayOfWeek", d, "start", "09:00", "end", "18:00"));
        }
        assertThat(api.callList(HttpMethod.PUT, admin, "/api/admin/calendar/hours", office))
                .hasSize(5);

        assertThat(api.getList(admin, "/api/admin/sla-policies")).hasSize(15);
        assertThat(api.put(
                                admin,
                                "/api/admin/sla-policies/PANIC/A",
                                Map.of("replyMinutes", 5, "resolveMinutes", 10, "workingTime", false))
                        .status())
                .isEqualTo(404);
        assertThat(api.put(
                                admin,
                                "/api/admin/sla-policies/FAULT/A",
                                Map.of("replyMinutes", 0, "resolveMinutes", 10, "workingTime", false))
                        .status())
                .isEqualTo(400);

        // the admin table's single save: all rows in one transaction, all or nothing, audited
        Map<String, Object> suggestion = Map.of(
                "kind",
                "SUGGESTION",
                "severity",
                "D",
                "replyMinutes",
                333,
                "resolveMinutes",
                3333,
                "workingTime",
                true);
        Map<String, Object> unknown =
                Map.of("kind", "PANIC", "severity", "A", "replyMinutes", 5, "resolveMinutes", 10, "workingTime", false);
        Api.Reply refused = api.call(HttpMethod.PUT, admin, "/api/admin/sla-policies", List.of(suggestion, unknown));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.get("type")).isEqualTo("urn:kb:sla-policy-not-found");
        assertThat(api.getList(admin, "/api/admin/sla-policies"))
                .noneMatch(p -> ((Number) p.get("replyMinutes")).intValue() == 333);
        assertThat(api.call(
                                HttpMethod.PUT,
                                admin,
                                "/api/admin/sla-policies",
                                List.of(suggestion, Map.of("kind", "SUGGESTION", "severity", "E")))
                        .status())
                .isEqualTo(400);
        assertThat(api.call(HttpMethod.PUT, admin, "/api/admin/sla-policies", List.of(suggestion, suggestion))
                        .get("type"))
                .isEqualTo("urn:kb:duplicate-sla-policy");
        Map<String, Object> consultation = Map.of(
                "kind",
                "CONSULTATION",
                "severity",
                "E",
                "replyMinutes",
                444,
                "resolveMinutes",
                4444,
                "workingTime",
                false);
        List<Map<String, Object>> saved =
                api.callList(HttpMethod.PUT, admin, "/api/admin/sla-policies", List.of(suggestion, consultation));
        assertThat(saved).hasSize(15);
        assertThat(saved)
                .anyMatch(p -> "SUGGESTION".equals(p.get("kind"))
                        && "D".equals(p.get("severity"))
                        && ((Number) p.get("replyMinutes")).intValue() == 333)
                .anyMatch(p -> "CONSULTATION".equals(p.get("kind"))
                        && "E".equals(p.get("severity"))
                        && ((Number) p.get("resolveMinutes")).intValue() == 4444);
        assertThat(api.get(auditor, "/api/audit?action=sla-policies.update")
                        .body()
                        .toString())
                .contains("4444");
    }

    @Test
    @Order(7)
    void shouldHandAQuestionOverToAnotherExpert() {
        long id = ask(user, "CONSULTATION", "C", "business", "报销系统审批流配置", "<p>如何增加审批节点</p>")
                .id();
        long expert2 = userId("expert2");
        Api.Reply handed =
                api.post(expert, "/api/questions/" + id + "/handover", Map.of("to", expert2, "note", "业务系统归二线"));
        assertThat(handed.status()).isEqualTo(200);
        assertThat(handed.get("assignee")).isEqualTo("expert2");
        assertThat(timelineTypes(handed)).containsSubsequence("ROUTED", "HANDED_OVER");
        String e2 = server.login("expert2", "expert2-demo-2026");
        assertThat(api.getList(e2, "/api/notifications"))
                .anyMatch(n -> "ASSIGNED".equals(n.get("kind")) && ((Number) n.get("questionId")).longValue() == id);
        assertThat(api.getList(e2, "/api/questions")).anyMatch(q -> ((Number) q.get("id")).longValue() == id);
        // the former assignee can no longer hand it over
        assertThat(api.post(expert, "/api/questions/" + id + "/handover", Map.of("to", expert2))
                        .status())
                .isEqualTo(403);
    }

    @Test
    @Order(10)
    void shouldWarnAndEscalateWhenTheReplyClockRunsOut() throws Exception {
        // reply due one minute after asking: warning at 48 s, breach at 60 s
        long deadline = System.currentTimeMillis() + 90_000;
        Api.Reply q = api.get(admin, "/api/questions/" + slaQuestion);
        while (System.currentTimeMillis() < deadline && !timelineTypes(q).contains("ESCALATED")) {
            Thread.sleep(500);
            q = api.get(admin, "/api/questions/" + slaQuestion);
        }
        assertThat(timelineTypes(q)).containsSubsequence("ROUTED", "SLA_WARNING", "SLA_BREACH", "ESCALATED");
        assertThat(q.get("replyBreached")).isEqualTo(true);
        assertThat(q.get("escalated")).isEqualTo(true);
        assertThat(q.get("tier")).isIn("L2", "L3");
        awaitMail("expert@kb.example", s -> s.contains("#" + slaQuestion) && s.contains("SLA"));
        assertThat(api.getList(admin, "/api/notifications"))
                .anyMatch(n ->
                        "ESCALATED".equals(n.get("kind")) && ((Number) n.get("questionId")).longValue() == slaQuestion);
    }
}
