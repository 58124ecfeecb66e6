package org.kbportal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The API contract, run against a real backend over HTTP, once per database (H2 file and
 * PostgreSQL). Each subclass starts its server with the shipped knowledge switched off and imports
 * the same small fixed corpus, so hits can be asserted exactly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiContractTests {

    /** Starts the backend under test (called once, before the fixture is imported). */
    protected abstract BackendServer startServer() throws Exception;

    /** Releases what {@link #startServer()} needed besides the backend. */
    protected void afterServer() throws Exception {}

    private BackendServer server;

    BackendServer server() {
        return server;
    }

    @org.junit.jupiter.api.AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
        afterServer();
    }

    WebTestClient http;
    String admin;
    String secadmin;
    String user;

    @BeforeAll
    void startAndImportFixture() throws Exception {
        server = startServer();
        http = server().client();
        admin = server().login("admin", "admin-demo-2026");
        secadmin = server().login("secadmin", "secadmin-demo-2026");
        user = server().login("user", "user-demo-2026");
        String corpus;
        try (InputStream in = getClass().getResourceAsStream("/fixture-corpus.ndjson")) {
            corpus = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        http.post()
                .uri("/api/admin/import")
                .header("Authorization", "Bearer " + admin)
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue(corpus)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.imported")
                .isEqualTo(7)
                .jsonPath("$.failed.length()")
                .isEqualTo(0);
        awaitIndexed();
    }

    /** Waits until the outbox is drained (vectors included), as the relevance harness does. */
    void awaitIndexed() {
        long deadline = System.currentTimeMillis() + 60_000;
        while (((Number) getJson("/api/admin/index/status", admin).get("pending")).longValue() > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("outbox not drained within 60 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    Map<String, Object> search(String query) {
        return getJson("/api/search?q={q}", null, query);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> getJson(String uri, String token, Object... vars) {
        WebTestClient.RequestHeadersSpec<?> spec = http.get().uri(uri, vars);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        return spec.exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static List<String> ids(Map<String, Object> result) {
        return ((List<Map<String, Object>>) result.get("hits"))
                .stream().map(h -> (String) h.get("id")).toList();
    }

    @Test
    void shouldFindChineseFaqByCharacters() {
        List<String> ids = ids(search("数据库备份"));
        assertThat(ids).first().isEqualTo("T-FAQ-1");
    }

    @Test
    void shouldFindEnglishByStemmedWords() {
        assertThat(ids(search("backing up files"))).first().isEqualTo("T-FAQ-3");
        assertThat(ids(search("passwords"))).first().isEqualTo("T-FAQ-4");
    }

    @Test
    void shouldLandOnTheManualSection() {
        List<String> ids = ids(search("勒索病毒 断网"));
        assertThat(ids).first().isEqualTo("T-MAN-1~4");
        http.get()
                .uri("/api/articles/T-MAN-1~4")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo("T-MAN-1")
                .jsonPath("$.section")
                .isEqualTo(4)
                .jsonPath("$.sections.length()")
                .isEqualTo(4);
    }

    @Test
    void shouldSearchCaseSymptomAndResolution() {
        assertThat(ids(search("无法扩展表空间"))).first().isEqualTo("T-CASE-1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldHighlightAndEscapeSnippets() {
        Map<String, Object> r = search("账号锁定");
        Map<String, Object> hit = ((List<Map<String, Object>>) r.get("hits")).get(0);
        assertThat(hit.get("id")).isEqualTo("T-FAQ-5");
        String snippet = (String) hit.get("snippet");
        assertThat(snippet).contains("<em>").doesNotContain("<script>").contains("a&lt;5 &amp; b&gt;3");
        assertThat(hit).containsKeys("type", "title", "category", "lang", "score");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldFilterAndCountFacets() {
        Map<String, Object> all = search("数据库");
        Map<String, Map<String, Number>> facets = (Map<String, Map<String, Number>>) all.get("facets");
        assertThat(facets).containsKeys("type", "category", "lang");
        assertThat(facets.get("type")).containsKeys("faq", "case");
        Map<String, Object> cases = getJson("/api/search?q={q}&type=CASE", null, "数据"); // the case says 数据, not 数据库
        assertThat(ids(cases)).containsExactly("T-CASE-1");
        assertThat(((Number) cases.get("total")).longValue()).isEqualTo(1);
        assertThat(cases.get("totalExact")).isEqualTo(true);
        // each facet is counted under the other filters, not its own: choosing CASE keeps every type in the
        // type facet, and the language and category facets count the matching cases only (one, in database)
        Map<String, Map<String, Number>> all2 =
                (Map<String, Map<String, Number>>) search("数据").get("facets");
        Map<String, Map<String, Number>> caseFacets = (Map<String, Map<String, Number>>) cases.get("facets");
        assertThat(all2.get("type")).containsKeys("faq", "case", "manual");
        assertThat(longs(caseFacets.get("type"))).isEqualTo(longs(all2.get("type")));
        assertThat(longs(caseFacets.get("lang"))).isEqualTo(Map.of("zh", 1L));
        assertThat(longs(caseFacets.get("category"))).isEqualTo(Map.of("database", 1L));
        // (a list of unrelated keywords such as "backup password" is no answer: no unit covers it)
        assertThat(ids(getJson("/api/search?q={q}&lang=en", null, "backup"))).containsExactly("T-FAQ-3");
        assertThat(ids(getJson("/api/search?q={q}&lang=en", null, "password"))).containsExactly("T-FAQ-4");
        Map<String, Object> cat = getJson("/api/search?q={q}&category=security", null, "密码");
        assertThat(ids(cat)).contains("T-FAQ-5").doesNotContain("T-FAQ-1", "T-FAQ-2", "T-CASE-1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldAnswerNothingWhenTheKnowledgeBaseHasNoAnswer() {
        long zeroBefore = zeroHitSearchesAround(3);
        // shares characters (数, 据, 网, ...) with the corpus, but no words and no meaning
        for (String offTopic : List.of("英雄联盟什么英雄最好", "周末带孩子去哪里玩比较好", "网上可以报警吗")) {
            Map<String, Object> r = search(offTopic);
            assertThat(((Number) r.get("total")).longValue()).as(offTopic).isZero();
            assertThat((List<Object>) r.get("hits")).as(offTopic).isEmpty();
            assertThat((Map<String, Object>) r.get("answer")).as(offTopic).containsEntry("answered", false);
            Map<String, Map<String, Number>> facets = (Map<String, Map<String, Number>>) r.get("facets");
            assertThat(facets.values()).allSatisfy(counts -> assertThat(counts).isEmpty());
            assertThat((List<Map<String, Object>>) r.get("related")).hasSizeLessThanOrEqualTo(3);
        }
        // each is a gap in the knowledge base for the service report
        assertThat(zeroHitSearchesAround(4)).isEqualTo(zeroBefore + 3); // another period: reports are cached
    }

    private static Map<String, Long> longs(Map<String, Number> counts) {
        Map<String, Long> out = new java.util.HashMap<>();
        counts.forEach((k, v) -> out.put(k, v.longValue()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private long zeroHitSearchesAround(int days) {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Map<String, Object> report =
                getJson("/api/reports/service?from={f}&to={t}", admin, today.minusDays(days), today.plusDays(days));
        return ((Number) ((Map<String, Object>) report.get("searches")).get("zeroHit")).longValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldStillAnswerAParaphraseOrAKeywordQuery() {
        Map<String, Object> r = search("数据库要怎样备份");
        assertThat(ids(r)).first().isEqualTo("T-FAQ-1");
        assertThat((Map<String, Object>) r.get("answer")).containsEntry("answered", true);
        assertThat((List<Object>) r.get("related")).isEmpty();
        assertThat(ids(search("账号被锁了怎么解开"))).first().isEqualTo("T-FAQ-5");
        assertThat(ids(search("表空间"))).contains("T-CASE-1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldHighlightWordsNotSingleHanCharacters() {
        // 账号 and 锁定 are words of the query; 码 or 号 alone are not highlighted
        Map<String, Object> r = search("账号锁定");
        String snippet =
                (String) ((List<Map<String, Object>>) r.get("hits")).get(0).get("snippet");
        assertThat(snippet).contains("<em>账号</em>").contains("<em>锁定</em>");
        assertThat(snippet).doesNotContainPattern("<em>\\p{IsHan}</em>");
    }

    @Test
    void shouldPage() {
        Map<String, Object> first = getJson("/api/search?q={q}&size=2&page=0", null, "数据库备份");
        Map<String, Object> second = getJson("/api/search?q={q}&size=2&page=1", null, "数据库备份");
        assertThat(ids(first)).hasSize(2);
        assertThat(ids(second)).isNotEmpty().doesNotContainAnyElementsOf(ids(first));
        assertThat(first.get("total")).isEqualTo(second.get("total"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRejectHostileQueriesWithProblems() {
        for (String q : new String[] {"", "   ", "\"(*:~\\", "x".repeat(10_000)}) {
            http.get()
                    .uri("/api/search?q={q}", q)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .value(t -> assertThat((String) t).startsWith("urn:kb:"));
        }
        http.get().uri("/api/search").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/search?q=a&size=1000").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/search?q=a&page=-1").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/search?q=a&page=abc").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/search?q=a&type=video").exchange().expectStatus().isBadRequest();
        http.get()
                .uri("/api/search?q=a&category=nope")
                .exchange()
                .expectStatus()
                .isBadRequest();
        // syntax characters around words are just text
        // query syntax is just text: the words still find the FAQ (as an answer, or related when the
        // stray syntax words keep the answer gate shut)
        Map<String, Object> syntax = search("数据库 AND (备份* OR \"pg_dump\"~2) title:x \\");
        assertThat(java.util.stream.Stream.concat(
                                ids(syntax).stream(),
                                ((List<Map<String, Object>>) syntax.get("related"))
                                        .stream().map(h -> (String) h.get("id")))
                        .toList())
                .contains("T-FAQ-1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldLogEverySearchAndTheOpenedHitThoughTheLogIsWrittenBehind() {
        // more searches than one reserved block of log ids, so a second block is taken on the way
        String query = "数据库备份 " + System.nanoTime();
        java.util.Set<Long> logIds = new java.util.LinkedHashSet<>();
        Map<String, Object> last = null;
        for (int i = 0; i < 210; i++) {
            last = search(query);
            assertThat(last.get("logId")).as("search %d", i).isNotNull();
            logIds.add(((Number) last.get("logId")).longValue());
        }
        assertThat(logIds).hasSize(210);
        // the click comes at once, before the periodic flush: the row must be there to take it
        long lastId = ((Number) last.get("logId")).longValue();
        String token = (String) last.get("clickToken");
        String opened = ids(last).get(0);
        // a click needs the search's token, from the search's caller: not missing, not another log id's,
        // not from another address
        http.post()
                .uri("/api/search/clicks")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("logId", lastId, "id", opened))
                .exchange()
                .expectStatus()
                .isBadRequest();
        long otherId = logIds.iterator().next();
        http.post()
                .uri("/api/search/clicks")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("logId", otherId, "id", opened, "clickToken", token))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:kb:invalid-click-token");
        http.post()
                .uri("/api/search/clicks")
                .header("X-Forwarded-For", "198.51.100.99")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("logId", lastId, "id", opened, "clickToken", token))
                .exchange()
                .expectStatus()
                .isForbidden();
        http.post()
                .uri("/api/search/clicks")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("logId", lastId, "id", opened, "clickToken", token))
                .exchange()
                .expectStatus()
                .isNoContent();
        String forged = (String) search(query).get("clickToken");
        http.post()
                .uri("/api/search/clicks")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "logId", java.util.Collections.max(logIds) + 1_000_000, "id", opened, "clickToken", forged))
                .exchange()
                .expectStatus()
                .isForbidden();
        // the service report counts every one of them straight away
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Map<String, Object> report =
                getJson("/api/reports/service?from={f}&to={t}", admin, today.minusDays(1), today.plusDays(1));
        List<Map<String, Object>> top =
                (List<Map<String, Object>>) ((Map<String, Object>) report.get("searches")).get("top");
        assertThat(top).anySatisfy(c -> {
            assertThat(c.get("label")).isEqualTo(query);
            // 210, and the one that gave the token for the made-up log id
            assertThat(((Number) c.get("count")).longValue()).isEqualTo(211);
        });
    }

    @Test
    void shouldAnswerProblemsForUnknownIdsAndRoles() {
        http.get()
                .uri("/api/articles/NOPE-1")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:kb:article-not-found");
        http.post()
                .uri("/api/admin/import")
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        http.post()
                .uri("/api/admin/import")
                .header("Authorization", "Bearer " + user)
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:kb:forbidden");
        http.get()
                .uri("/api/auth/me")
                .header("Authorization", "Bearer not-a-token")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        http.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "admin", "password", "wrong"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        http.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{not json")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldImportValidLinesAndReportMalformedOnes() {
        String ndjson = String.join(
                "\n",
                "{\"id\":\"IMP-1\",\"lang\":\"en\",\"type\":\"FAQ\",\"title\":\"Zebra printer offline\",\"body\":\"Check the cable.\"}",
                "{not json",
                "{\"id\":\"IMP-2\",\"lang\":\"fr\",\"type\":\"faq\",\"title\":\"x\",\"body\":\"y\"}",
                "",
                "{\"id\":\"bad id!\",\"lang\":\"en\",\"type\":\"faq\",\"title\":\"x\"}",
                "{\"id\":\"IMP-3\",\"lang\":\"zh\",\"type\":\"video\",\"title\":\"x\"}",
                "[1,2]",
                "{\"id\":\"IMP-4\",\"lang\":\"zh-CN\",\"type\":\"case\",\"title\":\"斑马打印机脱机\",\"symptom\":\"打印任务卡住\",\"category\":\"网络运维\",\"tags\":\"打印机,网络\"}");
        Map<String, Object> r = http.post()
                .uri("/api/admin/import")
                .header("Authorization", "Bearer " + admin)
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue(ndjson)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(r.get("imported")).isEqualTo(2);
        List<Map<String, Object>> failed = (List<Map<String, Object>>) r.get("failed");
        assertThat(failed).extracting(f -> f.get("line")).containsExactly(2, 3, 5, 6, 7);
        assertThat(failed).allSatisfy(f -> assertThat((String) f.get("error")).isNotBlank());
        assertThat(ids(search("zebra printer"))).contains("IMP-1"); // searchable when the import returns
        assertThat(ids(search("斑马打印机"))).contains("IMP-4");
        awaitIndexed();
        assertThat(ids(search("zebra printer"))).first().isEqualTo("IMP-1");
        assertThat(ids(search("斑马打印机"))).first().isEqualTo("IMP-4");
        http.get()
                .uri("/api/articles/IMP-4")
                .exchange()
                .expectBody()
                .jsonPath("$.lang")
                .isEqualTo("zh")
                .jsonPath("$.category")
                .isEqualTo("network")
                .jsonPath("$.status")
                .isEqualTo("PUBLISHED");
    }

    @Test
    void shouldCreateEditPublishArchiveWithHistory() {
        String auth = "Bearer " + admin;
        Map<String, Object> draft = Map.of(
                "id",
                "LIFE-1",
                "type",
                "faq",
                "lang",
                "zh",
                "category",
                "software",
                "title",
                "中间件重启后端口被占用",
                "body",
                "使用 ss -lntp 查找占用端口的进程。");
        http.post()
                .uri("/api/admin/articles")
                .header("Authorization", auth)
                .bodyValue(draft)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DRAFT");
        // drafts are invisible to users and anonymous visitors, visible to admins
        http.get().uri("/api/articles/LIFE-1").exchange().expectStatus().isNotFound();
        http.get()
                .uri("/api/articles/LIFE-1")
                .header("Authorization", "Bearer " + user)
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(ids(search("端口被占用"))).doesNotContain("LIFE-1");
        assertThat(ids(getJson("/api/search?q={q}", admin, "端口被占用"))).contains("LIFE-1");
        http.post()
                .uri("/api/admin/articles")
                .header("Authorization", "Bearer " + user)
                .bodyValue(draft)
                .exchange()
                .expectStatus()
                .isForbidden();
        http.post()
                .uri("/api/admin/articles")
                .header("Authorization", auth)
                .bodyValue(draft)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT);
        http.post()
                .uri("/api/admin/articles")
                .header("Authorization", auth)
                .bodyValue(Map.of("type", "faq"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'title')]")
                .exists();

        Map<String, Object> edit = new java.util.HashMap<>(draft);
        edit.put("body", "使用 ss -lntp 或 netstat 查找占用端口的进程，再停止它。");
        edit.put("expectedVersion", 1);
        http.put()
                .uri("/api/admin/articles/LIFE-1")
                .header("Authorization", auth)
                .bodyValue(edit)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(2);
        http.put()
                .uri("/api/admin/articles/LIFE-1")
                .header("Authorization", auth)
                .bodyValue(edit)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:kb:stale-version");

        http.post()
                .uri("/api/admin/articles/LIFE-1/publish")
                .header("Authorization", auth)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PUBLISHED");
        http.post()
                .uri("/api/admin/articles/LIFE-1/publish")
                .header("Authorization", auth)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(ids(search("端口被占用"))).contains("LIFE-1"); // lexically at once
        awaitIndexed();
        assertThat(ids(search("端口被占用"))).first().isEqualTo("LIFE-1"); // and with its vector
        http.get().uri("/api/articles/LIFE-1").exchange().expectStatus().isOk();

        http.post()
                .uri("/api/admin/articles/LIFE-1/archive")
                .header("Authorization", auth)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ARCHIVED");
        assertThat(ids(search("端口被占用"))).doesNotContain("LIFE-1");

        http.get()
                .uri("/api/articles/LIFE-1/versions")
                .header("Authorization", auth)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(4)
                .jsonPath("$[0].version")
                .isEqualTo(4)
                .jsonPath("$[0].status")
                .isEqualTo("ARCHIVED")
                .jsonPath("$[3].body")
                .isEqualTo("使用 ss -lntp 查找占用端口的进程。");
    }

    @Test
    void shouldManageUsersAsAdminOnly() {
        Map<String, Object> newUser = Map.of(
                "username",
                "zhang.san",
                "password",
                "secret-pass-1",
                "displayName",
                "张三",
                "email",
                "zhangsan@example.gov.cn",
                "unit",
                "市人社局",
                "roles",
                List.of("USER"));
        http.post()
                .uri("/api/admin/users")
                .header("Authorization", "Bearer " + user)
                .bodyValue(newUser)
                .exchange()
                .expectStatus()
                .isForbidden();
        http.post()
                .uri("/api/admin/users")
                .header("Authorization", "Bearer " + secadmin)
                .bodyValue(newUser)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.username")
                .isEqualTo("zhang.san")
                .jsonPath("$.passwordHash")
                .doesNotExist();
        String token = server().login("zhang.san", "secret-pass-1");
        http.get()
                .uri("/api/auth/me")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.unit")
                .isEqualTo("市人社局");
        http.post()
                .uri("/api/admin/users")
                .header("Authorization", "Bearer " + secadmin)
                .bodyValue(Map.of("username", "x", "password", "short"))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }
}
