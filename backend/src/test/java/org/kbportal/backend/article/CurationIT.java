package org.kbportal.backend.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Review workflow, scheduled publication, restore, readers' feedback and category/tag curation
 * against a real backend (H2 file, Lucene) over HTTP; {@link CurationPostgresIT} runs the same on
 * PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CurationIT {

    BackendServer server;
    WebTestClient http;
    String admin;
    String expert;
    String user;

    record Reply(int status, Object body) {

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) body;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) body;
        }

        Object get(String key) {
            return map().get(key);
        }
    }

    /** Database settings of the backend under test (none: an H2 file in the data directory). */
    protected Map<String, String> database() throws Exception {
        return Map.of();
    }

    /** Releases what {@link #database()} started. */
    protected void afterServer() throws Exception {}

    @BeforeAll
    void start() throws Exception {
        Map<String, String> props = new HashMap<>(Map.of(
                "kb.seed.index-data", "false",
                "kb.search.embeddings", "false",
                // the tests drive the scheduler and the view flush themselves
                "kb.curation.schedule-interval", "1h",
                "kb.curation.view-flush-interval", "1h",
                "kb.curation.feedback-per-minute", "3",
                "kb.curation.feedback-per-address-per-hour", "10"));
        props.putAll(database());
        server = BackendServer.start(BackendServer.tempDataDir("kb-curation-it"), props);
        http = server.client();
        admin = server.login("admin", "admin-demo-2026");
        expert = server.login("expert", "expert-demo-2026");
        user = server.login("user", "user-demo-2026");
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        afterServer();
    }

    Reply call(HttpMethod method, String token, String uri, Object body, String visitor) {
        return call(method, token, uri, body, visitor, null);
    }

    /** {@code from}: the client address the UI server (a trusted proxy) forwards; null for none. */
    Reply call(HttpMethod method, String token, String uri, Object body, String visitor, String from) {
        WebTestClient.RequestBodySpec spec = http.method(method).uri(uri);
        if (from != null) {
            spec = spec.header("X-Forwarded-For", from);
        }
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        if (visitor != null) {
            spec = spec.header("X-KB-Visitor", visitor);
        }
        WebTestClient.RequestHeadersSpec<?> ready = body == null
                ? spec
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        EntityExchangeResult<Object> r = ready.exchange()
                .expectBody(new ParameterizedTypeReference<Object>() {})
                .returnResult();
        return new Reply(r.getStatus().value(), r.getResponseBody());
    }

    Reply get(String token, String uri) {
        return call(HttpMethod.GET, token, uri, null, null);
    }

    Reply post(String token, String uri, Object body) {
        return call(HttpMethod.POST, token, uri, body == null ? Map.of() : body, null);
    }

    Map<String, Object> faq(String id, String title, String body, String category) {
        Map<String, Object> m =
                new HashMap<>(Map.of("id", id, "type", "faq", "lang", "zh", "title", title, "body", body));
        if (category != null) {
            m.put("category", category);
        }
        return m;
    }

    List<String> actions(String id) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>)
                get(admin, "/api/expert/articles/" + id + "/workflow").get("history");
        return history.stream().map(e -> (String) e.get("action")).toList();
    }

    List<String> searchIds(String query) {
        return ((List<?>) get(null, "/api/search?q=" + query).get("hits"))
                .stream().map(h -> (String) ((Map<?, ?>) h).get("id")).toList();
    }

    void awaitIndexed() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (((Number) get(admin, "/api/admin/index/status").get("pending")).longValue() > 0) {
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void shouldRunDraftThroughReviewWithGuardedTransitionsAndHistory() {
        Map<String, Object> draft = faq("WF-1", "打印机脱机怎么办", "检查打印机电源与网络连接。", "software");
        assertThat(post(user, "/api/expert/articles", draft).status()).isEqualTo(403);
        assertThat(post(null, "/api/expert/articles", draft).status()).isEqualTo(401);
        Reply created = post(expert, "/api/expert/articles", draft);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("status")).isEqualTo("DRAFT");
        assertThat(get(user, "/api/articles/WF-1").status()).isEqualTo(404);
        assertThat(get(expert, "/api/articles/WF-1").status()).isEqualTo(200);

        Reply submitted = post(expert, "/api/expert/articles/WF-1/submit", Map.of("comment", "请审核"));
        assertThat(submitted.get("status")).isEqualTo("IN_REVIEW");
        Reply again = post(expert, "/api/expert/articles/WF-1/submit", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.get("type")).isEqualTo("urn:kb:illegal-transition");
        Map<String, Object> edit = new HashMap<>(draft);
        edit.put("body", "改动");
        Reply locked = call(HttpMethod.PUT, expert, "/api/expert/articles/WF-1", edit, null);
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.get("type")).isEqualTo("urn:kb:not-a-draft");
        assertThat(post(expert, "/api/admin/articles/WF-1/approve", null).status())
                .isEqualTo(403);
        assertThat(get(expert, "/api/admin/review-queue").status()).isEqualTo(403);

        List<Map<String, Object>> queue = get(admin, "/api/admin/review-queue").list();
        assertThat(queue).anySatisfy(i -> {
            assertThat(i.get("id")).isEqualTo("WF-1");
            assertThat(i.get("submittedBy")).isEqualTo("expert");
        });

        Reply noComment = post(admin, "/api/admin/articles/WF-1/send-back", Map.of("comment", " "));
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.get("type")).isEqualTo("urn:kb:comment-required");
        Reply sentBack = post(admin, "/api/admin/articles/WF-1/send-back", Map.of("comment", "请补充驱动版本"));
        assertThat(sentBack.get("status")).isEqualTo("DRAFT");
        assertThat(post(admin, "/api/admin/articles/WF-1/approve", null).status())
                .isEqualTo(409);
        assertThat(get(admin, "/api/admin/review-queue").list())
                .noneMatch(i -> i.get("id").equals("WF-1"));

        edit.put("body", "检查打印机电源、网络连接与驱动版本。");
        assertThat(call(HttpMethod.PUT, expert, "/api/expert/articles/WF-1", edit, null)
                        .status())
                .isEqualTo(200);
        post(expert, "/api/expert/articles/WF-1/submit", null);
        Reply approved = post(admin, "/api/admin/articles/WF-1/approve", Map.of("comment", "好"));
        assertThat(approved.get("status")).isEqualTo("PUBLISHED");
        assertThat(get(null, "/api/articles/WF-1").status()).isEqualTo(200);
        assertThat(post(admin, "/api/admin/articles/WF-1/send-back", Map.of("comment", "x"))
                        .status())
                .isEqualTo(409);
        assertThat(post(admin, "/api/admin/articles/WF-1/archive", null).get("status"))
                .isEqualTo("ARCHIVED");
        assertThat(post(admin, "/api/admin/articles/WF-1/approve", null).status())
                .isEqualTo(409);

        assertThat(actions("WF-1"))
                .containsExactly("ARCHIVED", "APPROVED", "SUBMITTED", "EDITED", "SENT_BACK", "SUBMITTED", "CREATED");
        @SuppressWarnings("unchecked")
        Map<String, Object> sentBackEvent = ((List<Map<String, Object>>)
                        get(admin, "/api/expert/articles/WF-1/workflow").get("history"))
                .get(4);
        assertThat(sentBackEvent)
                .containsEntry("actor", "admin")
                .containsEntry("comment", "请补充驱动版本")
                .containsEntry("fromStatus", "IN_REVIEW")
                .containsEntry("toStatus", "DRAFT");
        assertThat(get(user, "/api/expert/articles/WF-1/workflow").status()).isEqualTo(403);
    }

    @Test
    void shouldPublishAScheduledArticleWhenItsTimeHasCome() throws Exception {
        post(expert, "/api/expert/articles", faq("WF-2", "定时发布的文章", "到点自动发布。", null));
        Instant publishAt = Instant.now().plusSeconds(10);
        Reply scheduled = call(
                HttpMethod.PUT,
                expert,
                "/api/expert/articles/WF-2/schedule",
                Map.of("publishAt", publishAt.toString()),
                null);
        assertThat(scheduled.status()).isEqualTo(200);
        post(expert, "/api/expert/articles/WF-2/submit", null);
        Reply approved = post(admin, "/api/admin/articles/WF-2/approve", null);
        assertThat(approved.get("status")).isEqualTo("IN_REVIEW");
        assertThat(get(admin, "/api/expert/articles/WF-2/workflow").get("pendingPublish"))
                .isEqualTo(true);
        assertThat(actions("WF-2")).first().isEqualTo("SCHEDULED");
        ArticleWorkflow workflow = server.bean(ArticleWorkflow.class);
        assertThat(workflow.publishDue().block()).isZero(); // not yet

        Thread.sleep(Duration.between(Instant.now(), publishAt).toMillis() + 200);
        // concurrent runs (several instances) are SchedulerRaceIT's subject, on PostgreSQL
        assertThat(workflow.publishDue().block()).isEqualTo(1);
        assertThat(workflow.publishDue().block()).isZero();
        Reply article = get(null, "/api/articles/WF-2");
        assertThat(article.get("status")).isEqualTo("PUBLISHED");
        assertThat(article.get("version")).isEqualTo(3); // created, submitted, published
        assertThat(actions("WF-2")).filteredOn("PUBLISHED"::equals).hasSize(1);
        assertThat(searchIds("定时发布")).contains("WF-2");

        // a review-by date in the past: still readable, flagged, and listed for the reviewers
        call(
                HttpMethod.PUT,
                admin,
                "/api/expert/articles/WF-2/schedule",
                Map.of("reviewBy", Instant.now().minusSeconds(86_400).toString()),
                null);
        assertThat(get(null, "/api/articles/WF-2/review-status").get("reviewDue"))
                .isEqualTo(true);
        assertThat(get(admin, "/api/admin/articles/due-for-review").list()).anySatisfy(d -> {
            assertThat(d.get("id")).isEqualTo("WF-2");
            assertThat(d.get("overdue")).isEqualTo(true);
        });
        assertThat(call(
                                HttpMethod.PUT,
                                expert,
                                "/api/expert/articles/WF-2/schedule",
                                Map.of("reviewBy", Instant.now().toString()),
                                null)
                        .status())
                .isEqualTo(409); // experts schedule drafts only
    }

    @Test
    void shouldRestoreAnOldVersionAsANewVersion() throws Exception {
        post(admin, "/api/admin/articles", faq("WF-3", "磁盘告警处理", "清理日志目录释放空间。", null));
        post(admin, "/api/admin/articles/WF-3/publish", null);
        Map<String, Object> edit = faq("WF-3", "磁盘告警处理", "扩容数据盘。", null);
        assertThat(call(HttpMethod.PUT, admin, "/api/admin/articles/WF-3", edit, null)
                        .get("version"))
                .isEqualTo(3);
        assertThat(post(expert, "/api/admin/articles/WF-3/versions/1/restore", null)
                        .status())
                .isEqualTo(403);
        assertThat(post(admin, "/api/admin/articles/WF-3/versions/9/restore", null)
                        .status())
                .isEqualTo(404);
        Reply restored = post(admin, "/api/admin/articles/WF-3/versions/1/restore", null);
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.get("version")).isEqualTo(4);
        assertThat(restored.get("body")).isEqualTo("清理日志目录释放空间。");
        assertThat(restored.get("status")).isEqualTo("PUBLISHED"); // the status stays
        List<Map<String, Object>> versions =
                get(admin, "/api/articles/WF-3/versions").list();
        assertThat(versions).extracting(v -> v.get("version")).containsExactly(4, 3, 2, 1);
        assertThat(versions.get(1).get("body")).isEqualTo("扩容数据盘。");
        assertThat(actions("WF-3")).first().isEqualTo("RESTORED");
        awaitIndexed();
        assertThat(searchIds("清理日志目录")).contains("WF-3");
    }

    @Test
    void shouldLimitVotesFromOneAddressWhateverVisitorIdsItInvents() {
        post(admin, "/api/admin/articles", faq("FB-3", "打印机脱机", "重启打印服务。", null));
        post(admin, "/api/admin/articles/FB-3/publish", null);
        String from = "198.51.100.77";
        for (int i = 0; i < 10; i++) {
            Reply vote = call(
                    HttpMethod.POST,
                    null,
                    "/api/articles/FB-3/feedback",
                    Map.of("helpful", true),
                    "invented-" + i + "-visitor",
                    from);
            assertThat(vote.status()).as("vote %d", i).isEqualTo(200);
        }
        Reply stuffed = call(
                HttpMethod.POST,
                null,
                "/api/articles/FB-3/feedback",
                Map.of("helpful", true),
                "invented-x-visitor",
                from);
        assertThat(stuffed.status()).isEqualTo(429);
        assertThat(stuffed.get("type")).isEqualTo("urn:kb:too-many-votes");
        // another address is not affected; the stuffed vote was not counted
        Reply other = call(
                HttpMethod.POST,
                null,
                "/api/articles/FB-3/feedback",
                Map.of("helpful", true),
                "honest-visitor-1",
                "198.51.100.78");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.map()).containsEntry("helpful", 11);
    }

    @Test
    void shouldCountVotesOncePerVoterLimitThemAndReportThem() {
        post(admin, "/api/admin/articles", faq("FB-1", "邮件发送失败", "检查 SMTP 端口 25 是否放行。", null));
        assertThat(call(HttpMethod.POST, null, "/api/articles/FB-1/feedback", Map.of("helpful", true), "visitor-aaaa1")
                        .status())
                .isEqualTo(404); // drafts get no feedback
        post(admin, "/api/admin/articles/FB-1/publish", null);
        post(admin, "/api/admin/articles", faq("FB-2", "邮件收不到", "检查垃圾箱。", null));
        post(admin, "/api/admin/articles/FB-2/publish", null);

        Reply first =
                call(HttpMethod.POST, null, "/api/articles/FB-1/feedback", Map.of("helpful", true), "visitor-aaaa1");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.map()).containsEntry("helpful", 1).containsEntry("notHelpful", 0);
        // the same visitor changes their mind: replaced, not added
        Reply changed = call(
                HttpMethod.POST,
                null,
                "/api/articles/FB-1/feedback",
                Map.of("helpful", false, "comment", "没有说明 587 端口"),
                "visitor-aaaa1");
        assertThat(changed.map())
                .containsEntry("helpful", 0)
                .containsEntry("notHelpful", 1)
                .containsEntry("yourVote", false);
        call(HttpMethod.POST, null, "/api/articles/FB-1/feedback", Map.of("helpful", false), "visitor-aaaa1");
        Reply limited =
                call(HttpMethod.POST, null, "/api/articles/FB-1/feedback", Map.of("helpful", false), "visitor-aaaa1");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.get("type")).isEqualTo("urn:kb:too-many-requests");
        Reply byUser = post(user, "/api/articles/FB-1/feedback", Map.of("helpful", true));
        assertThat(byUser.map()).containsEntry("helpful", 1).containsEntry("notHelpful", 1);
        post(user, "/api/articles/FB-2/feedback", Map.of("helpful", true));
        assertThat(call(HttpMethod.POST, null, "/api/articles/FB-1/feedback", Map.of("comment", "x"), "visitor-bbbb1")
                        .status())
                .isEqualTo(400);

        for (int i = 0; i < 3; i++) {
            get(null, "/api/articles/FB-2");
        }
        get(null, "/api/articles/FB-1");
        get(null, "/api/articles/FB-1~1"); // a manual-style id counts for its article
        assertThat(get(user, "/api/admin/articles/feedback-report").status()).isEqualTo(403);
        Reply report = get(admin, "/api/admin/articles/feedback-report?limit=10");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> least = (List<Map<String, Object>>) report.get("leastHelpful");
        assertThat(least).hasSize(1);
        assertThat(least.get(0))
                .containsEntry("id", "FB-1")
                .containsEntry("helpful", 1)
                .containsEntry("notHelpful", 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> viewed = (List<Map<String, Object>>) report.get("mostViewed");
        assertThat(viewed.get(0)).containsEntry("id", "FB-2").containsEntry("views", 3);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> comments = (List<Map<String, Object>>) report.get("comments");
        assertThat(comments).anySatisfy(c -> assertThat(c).containsEntry("comment", "没有说明 587 端口"));
        assertThat(get(null, "/api/articles/FB-2/feedback").map()).containsEntry("views", 3);
    }

    @Test
    void shouldMoveAndMergeCategoriesWithoutLosingArticles() throws Exception {
        post(
                admin,
                "/api/admin/categories",
                Map.of("code", "printers", "parentCode", "software", "nameZh", "打印机", "nameEn", "Printers"));
        post(
                admin,
                "/api/admin/categories",
                Map.of("code", "printers-old", "parentCode", "printers", "nameZh", "旧打印机", "nameEn", "Old printers"));
        post(admin, "/api/admin/categories", Map.of("code", "devices", "nameZh", "设备", "nameEn", "Devices"));
        Map<String, Object> a = faq("CAT-1", "激光打印机卡纸", "打开后盖取出卡住的纸张。", "printers-old");
        a.put("tags", List.of("打印", "硬件"));
        post(admin, "/api/admin/articles", a);
        post(admin, "/api/admin/articles/CAT-1/publish", null);

        Reply cycle = post(admin, "/api/admin/categories/printers/move", Map.of("parentCode", "printers-old"));
        assertThat(cycle.status()).isEqualTo(409);
        assertThat(cycle.get("type")).isEqualTo("urn:kb:category-cycle");
        assertThat(post(admin, "/api/admin/categories/printers/move", Map.of("parentCode", "printers"))
                        .status())
                .isEqualTo(409);
        assertThat(post(user, "/api/admin/categories/printers/move", Map.of("parentCode", "devices"))
                        .status())
                .isEqualTo(403);
        assertThat(post(admin, "/api/admin/categories/printers/move", Map.of("parentCode", "devices"))
                        .get("parentCode"))
                .isEqualTo("devices");
        awaitIndexed();
        assertThat(ids(get(null, "/api/search?q=卡纸&category=devices"))).contains("CAT-1");
        assertThat(ids(get(null, "/api/search?q=卡纸&category=software"))).doesNotContain("CAT-1");

        Reply renamed = call(
                HttpMethod.PUT,
                admin,
                "/api/admin/categories/devices",
                Map.of("nameZh", "终端设备", "nameEn", "End-user devices"),
                null);
        assertThat(renamed.get("nameZh")).isEqualTo("终端设备");

        // a question filed under the category that goes away
        Reply asked = post(
                user,
                "/api/questions",
                Map.of(
                        "title",
                        "打印机卡纸",
                        "body",
                        "<p>每天卡纸</p>",
                        "kind",
                        "FAULT",
                        "severity",
                        "D",
                        "category",
                        "printers-old"));
        assertThat(asked.status()).isEqualTo(201);
        Object questionId = asked.get("id");

        Reply intoChild = post(admin, "/api/admin/categories/printers/merge", Map.of("into", "printers-old"));
        assertThat(intoChild.status()).isEqualTo(409);
        Reply merged = post(admin, "/api/admin/categories/printers-old/merge", Map.of("into", "devices"));
        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.map()).containsEntry("articles", 1);
        Reply article = get(null, "/api/articles/CAT-1");
        assertThat(article.get("category")).isEqualTo("devices");
        assertThat(article.get("version")).isEqualTo(3);
        assertThat(get(user, "/api/questions/" + questionId).get("category")).isEqualTo("devices");
        assertThat(get(null, "/api/categories").list())
                .noneMatch(c -> c.get("code").equals("printers-old"));
        awaitIndexed();
        assertThat(ids(get(null, "/api/search?q=卡纸&category=devices"))).contains("CAT-1");

        Reply retagged = post(admin, "/api/admin/tags/rename", Map.of("from", "打印", "to", "硬件"));
        assertThat(retagged.map()).containsEntry("articles", 1);
        assertThat(get(null, "/api/articles/CAT-1").get("tags")).isEqualTo(List.of("硬件"));
        assertThat(get(admin, "/api/admin/tags").list())
                .anySatisfy(t -> assertThat(t).containsEntry("tag", "硬件").containsEntry("articles", 1));
        assertThat(actions("CAT-1")).startsWith("RETAGGED", "RECATEGORISED");
    }

    List<String> ids(Reply search) {
        return ((List<?>) search.get("hits"))
                .stream().map(h -> (String) ((Map<?, ?>) h).get("id")).toList();
    }
}
