package org.kbportal.ui.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.ExpectedCount.never;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.anything;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.headerDoesNotExist;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kbportal.contract.question.QuestionAction;
import org.kbportal.contract.question.QuestionCreated;
import org.kbportal.contract.question.QuestionDetail;
import org.kbportal.contract.question.QuestionInput;
import org.kbportal.contract.rules.ServerRules;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.ExpectedCount;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

class BackendClientsTest {

    private static final BackendProperties PROPS =
            new BackendProperties(URI.create("http://backend.test"), Duration.ofSeconds(1), Duration.ofSeconds(5), "");

    private final FakeTokens tokens = new FakeTokens();
    private final RestClient.Builder builder = BackendClientConfig.configure(RestClient.builder(), PROPS, tokens);
    private final MockRestServiceServer server =
            MockRestServiceServer.bindTo(builder).build();
    private final RestClient http = builder.build();

    @Test
    void shouldReadDraftPermissionsAndTheNotYourDraftProblem() {
        server.expect(requestTo("http://backend.test/api/expert/articles/FAQ-1/permissions"))
                .andExpect(method(HttpMethod.GET))
                .andRespond(withSuccess("""
                        {"id":"FAQ-1","status":"DRAFT","edit":false,"submit":false,"schedule":false}
                        """, MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://backend.test/api/expert/articles/FAQ-1"))
                .andExpect(method(HttpMethod.PUT))
                .andRespond(withStatus(HttpStatus.FORBIDDEN)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body("""
                                {"type":"urn:kb:not-your-draft","title":"Not your draft","status":403,
                                 "detail":"Article 'FAQ-1' is expert's draft."}
                                """));
        CurationClient curation = new CurationClient(http);

        Curation.Permissions may = curation.permissions("FAQ-1");
        assertThat(may.edit()).isFalse();
        assertThat(may.submit()).isFalse();
        assertThat(may.status()).isEqualTo("DRAFT");
        assertThatThrownBy(() -> curation.updateDraft(
                        "FAQ-1",
                        new ArticleInput(null, "faq", "zh", null, "t", "b", null, null, null, null, List.of(), 1)))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.kbType()).isEqualTo("not-your-draft");
                });
        server.verify();
    }

    @Test
    void shouldReadTheServerRulesOnceAndAskAgainOnlyWhenTheyAreOld() {
        server.expect(ExpectedCount.twice(), requestTo("http://backend.test/api/rules"))
                .andExpect(method(HttpMethod.GET))
                .andRespond(withSuccess("""
                        {"search":{"maxResultWindow":600,"maxPageSize":100,"maxQueryLength":500},
                         "manualMaxBytes":7340032,"articleAttachmentMaxBytes":3145728,"importMaxBytes":1073741824,
                         "questions":{"titleMaxLength":200,"bodyMaxLength":5000,"reasonMaxLength":1000,
                                      "commentMaxLength":2000,"attachmentMaxBytes":2097152,"attachmentMaxCount":4}}
                        """, MediaType.APPLICATION_JSON));
        java.util.concurrent.atomic.AtomicReference<Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-12-06T01:00:00Z"));
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        RulesClient rules = new RulesClient(http, clock);

        ServerRules first = rules.rules();
        assertThat(first.search().maxResultWindow()).isEqualTo(600);
        assertThat(first.manualMaxBytes()).isEqualTo(7340032L);
        assertThat(first.questions().bodyMaxLength()).isEqualTo(5000);
        assertThat(first.questions().attachmentMaxCount()).isEqualTo(4);
        assertThat(rules.rules()).isSameAs(first);
        now.set(now.get().plus(Duration.ofMinutes(6)));
        assertThat(rules.rules()).isEqualTo(first);
        server.verify();
    }

    @Test
    void shouldEncodeSearchWordsStrictlyAndReadTheResults() {
        server.expect(
                        requestTo(
                                "http://backend.test/api/search?q=C%2B%2B%20%26%20a%3Db%20%E5%A4%87%E4%BB%BD&type=faq&page=1&size=10"))
                .andExpect(method(HttpMethod.GET))
                .andExpect(headerDoesNotExist("Authorization"))
                .andRespond(withSuccess("""
                        {"query":"C++","total":11,"totalExact":true,"page":1,"size":10,"tookMs":4,
                         "hits":[{"id":"M~3","articleId":"M","type":"manual","title":"手册 › 3 备份",
                                  "snippet":"<em>备份</em>","category":"backup","lang":"zh","status":"PUBLISHED","score":1.5}],
                         "facets":{"type":{"manual":11}}}
                        """, MediaType.APPLICATION_JSON));

        SearchResults results = BackendServices.over(http)
                .client(SearchClient.class)
                .search(new SearchQuery("C++ & a=b 备份", "faq", null, null, 1, 10));

        assertThat(results.total()).isEqualTo(11);
        assertThat(results.totalExact()).isTrue();
        assertThat(results.totalPages(1000)).isEqualTo(2);
        assertThat(results.hits()).extracting(SearchHit::articleId).containsExactly("M");
        assertThat(results.facet("type")).containsEntry("manual", 11L);
        assertThat(results.didYouMean()).isNull();
        assertThat(results.synonyms()).isEmpty();
        assertThat(results.fuzzy()).isFalse();
        assertThat(results.logId()).isNull();
        server.verify();
    }

    @Test
    void shouldReadSpellingHintSynonymsTypoToleranceAndLogId() {
        server.expect(requestTo("http://backend.test/api/search?q=blu%20scren&page=0&size=10"))
                .andRespond(withSuccess("""
                        {"query":"blu scren","total":0,"page":0,"size":10,"tookMs":3,"hits":[],"facets":{},
                         "didYouMean":"blue screen","synonyms":["蓝屏","BSOD"],"fuzzy":true,"logId":42}
                        """, MediaType.APPLICATION_JSON));

        SearchResults results =
                BackendServices.over(http).client(SearchClient.class).search(SearchQuery.of("blu scren"));

        assertThat(results.didYouMean()).isEqualTo("blue screen");
        assertThat(results.synonyms()).containsExactly("蓝屏", "BSOD");
        assertThat(results.fuzzy()).isTrue();
        assertThat(results.logId()).isEqualTo(42L);
    }

    @Test
    void shouldAskForSuggestionsWithTheSessionToken() {
        tokens.token = "t-9";
        server.expect(requestTo("http://backend.test/api/search/suggest?q=%E6%95%B0%E6%8D%AE%E5%BA%93%20%26%20C%2B%2B"))
                .andExpect(method(HttpMethod.GET))
                .andExpect(header("Authorization", "Bearer t-9"))
                .andRespond(withSuccess("[\"数据库备份\",\"\",\"数据库恢复\",\"数据库备份\"]", MediaType.APPLICATION_JSON));

        assertThat(BackendServices.over(http).client(SearchClient.class).suggest("  数据库 & C++ "))
                .containsExactly("数据库备份", "数据库恢复");
        server.verify();
    }

    @Test
    void shouldNotAskForSuggestionsForBlankOrOverlongText() {
        server.expect(never(), anything());

        SearchClient client = BackendServices.over(http).client(SearchClient.class);
        assertThat(client.suggest("   ")).isEmpty();
        assertThat(client.suggest(null)).isEmpty();
        assertThat(client.suggest("x".repeat(SearchClient.MAX_SUGGEST_LENGTH + 1)))
                .isEmpty();
        server.verify();
    }

    @Test
    void shouldReportTheOpenedHit() {
        server.expect(requestTo("http://backend.test/api/search/clicks"))
                .andExpect(method(HttpMethod.POST))
                .andExpect(content().json("{\"logId\":42,\"id\":\"MAN-1~3\",\"clickToken\":\"tok-1\"}", true))
                .andRespond(withStatus(HttpStatus.NO_CONTENT));

        BackendServices.over(http).client(SearchClient.class).logClick(42, "tok-1", "MAN-1~3");

        server.verify();
    }

    @Test
    void shouldListCreateUpdateAndDeleteSynonymGroups() {
        server.expect(requestTo("http://backend.test/api/admin/synonyms"))
                .andExpect(method(HttpMethod.GET))
                .andRespond(withSuccess("""
                        [{"id":1,"terms":["蓝屏","BSOD","blue screen"],"updatedBy":"admin","updatedAt":"2026-03-01T08:30:00Z"}]
                        """, MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://backend.test/api/admin/synonyms"))
                .andExpect(method(HttpMethod.POST))
                .andExpect(content().json("{\"terms\":[\"内存\",\"RAM\"]}", true))
                .andRespond(withStatus(HttpStatus.CREATED)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("""
                              {"id":2,"terms":["内存","RAM"],"updatedBy":"admin","updatedAt":"2026-03-02T09:00:00Z"}
                              """));
        server.expect(requestTo("http://backend.test/api/admin/synonyms/2"))
                .andExpect(method(HttpMethod.PUT))
                .andExpect(content().json("{\"terms\":[\"内存\",\"RAM\",\"memory\"]}", true))
                .andRespond(withSuccess("""
                        {"id":2,"terms":["内存","RAM","memory"],"updatedBy":"admin","updatedAt":"2026-03-02T09:05:00Z"}
                        """, MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://backend.test/api/admin/synonyms/2"))
                .andExpect(method(HttpMethod.DELETE))
                .andRespond(withStatus(HttpStatus.NO_CONTENT));

        SynonymClient client = BackendServices.over(http).client(SynonymClient.class);
        assertThat(client.list())
                .containsExactly(new SynonymGroup(
                        1, List.of("蓝屏", "BSOD", "blue screen"), "admin", Instant.parse("2026-03-01T08:30:00Z")));
        assertThat(client.create(List.of("内存", "RAM")).id()).isEqualTo(2);
        assertThat(client.update(2, List.of("内存", "RAM", "memory")).terms()).containsExactly("内存", "RAM", "memory");
        client.delete(2);

        server.verify();
    }

    @Test
    void shouldReportARefusedSynonymGroupReadably() {
        server.expect(requestTo("http://backend.test/api/admin/synonyms"))
                .andRespond(withStatus(HttpStatus.BAD_REQUEST)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body("""
                              {"type":"urn:kb:invalid-synonyms","title":"Invalid request","status":400,
                               "detail":"A synonym group has 2 to 20 terms of at most 50 characters."}
                              """));

        assertThatThrownBy(() ->
                        BackendServices.over(http).client(SynonymClient.class).create(List.of("x")))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.kbType()).isEqualTo("invalid-synonyms");
                    assertThat(e.getMessage()).isEqualTo("A synonym group has 2 to 20 terms of at most 50 characters.");
                });
    }

    @Test
    void shouldReadTheIndexStatusAndStartARebuild() {
        server.expect(requestTo("http://backend.test/api/admin/index/status"))
                .andExpect(method(HttpMethod.GET))
                .andRespond(withSuccess("""
                        {"pending":1,"failing":0,"indexed":223,"engine":"lucene",
                         "rebuild":{"state":"IDLE","total":0,"done":0,"startedAt":null,"finishedAt":null,"error":null}}
                        """, MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://backend.test/api/admin/index/rebuild"))
                .andExpect(method(HttpMethod.POST))
                .andRespond(withStatus(HttpStatus.ACCEPTED)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("""
                              {"state":"RUNNING","total":200,"done":50,"startedAt":"2026-03-01T08:30:00Z",
                               "finishedAt":null,"error":null}
                              """));

        IndexClient client = BackendServices.over(http).client(IndexClient.class);
        IndexStatus status = client.status();
        RebuildProgress started = client.startRebuild();

        assertThat(status.indexed()).isEqualTo(223);
        assertThat(status.pending()).isEqualTo(1);
        assertThat(status.engine()).isEqualTo("lucene");
        assertThat(status.rebuild().state()).isEqualTo(RebuildProgress.IDLE);
        assertThat(status.rebuild().isRunning()).isFalse();
        assertThat(started.isRunning()).isTrue();
        assertThat(started.fraction()).isEqualTo(0.25);
        assertThat(started.startedAt()).isEqualTo(Instant.parse("2026-03-01T08:30:00Z"));
        server.verify();
    }

    @Test
    void shouldTurnAProblemIntoABackendExceptionWithAReadableMessage() {
        server.expect(requestTo("http://backend.test/api/search?q=x&page=0&size=10"))
                .andRespond(withStatus(HttpStatus.BAD_REQUEST)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body("""
                              {"type":"urn:kb:query-too-long","title":"Invalid request","status":400,
                               "detail":"The query has 501 characters; at most 500 are allowed.","instance":"/api/search"}
                              """));

        assertThatThrownBy(() ->
                        BackendServices.over(http).client(SearchClient.class).search(SearchQuery.of("x")))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BackendException.Kind.PROBLEM);
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.kbType()).isEqualTo("query-too-long");
                    assertThat(e.getMessage()).isEqualTo("The query has 501 characters; at most 500 are allowed.");
                });
    }

    @Test
    void shouldKeepFieldErrorsAndExtraMembers() {
        server.expect(requestTo("http://backend.test/api/admin/articles/A-1"))
                .andExpect(method(HttpMethod.PUT))
                .andRespond(withStatus(HttpStatus.CONFLICT)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body("""
                              {"type":"urn:kb:stale-version","title":"Edited meanwhile","status":409,
                               "detail":"changed by someone else","currentVersion":4,
                               "errors":[{"field":"title","message":"title is required"}]}
                              """));

        ArticleInput input = new ArticleInput(null, "faq", "zh", null, "t", "b", null, null, null, null, null, 3);
        assertThatThrownBy(() ->
                        BackendServices.over(http).client(ArticleClient.class).update("A-1", input))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    Problem p = e.problem().orElseThrow();
                    assertThat(p.properties()).containsEntry("currentVersion", 4);
                    assertThat(p.errors()).containsExactly(new Problem.FieldError("title", "title is required"));
                    assertThat(e.getMessage()).isEqualTo("changed by someone else title: title is required.");
                });
    }

    @Test
    void shouldStillReportTheStatusWhenTheErrorIsNotJson() {
        server.expect(requestTo("http://backend.test/api/articles/X"))
                .andRespond(withStatus(HttpStatus.BAD_GATEWAY)
                        .contentType(MediaType.TEXT_HTML)
                        .body("<h1>nginx</h1>"));

        assertThatThrownBy(() ->
                        BackendServices.over(http).client(ArticleClient.class).get("X"))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.getMessage()).isEqualTo("Bad Gateway");
                });
    }

    @Test
    void shouldSendTheSessionTokenAndForgetItWhenRejected() {
        tokens.token = "t-123";
        server.expect(requestTo("http://backend.test/api/articles/A"))
                .andExpect(header("Authorization", "Bearer t-123"))
                .andRespond(withStatus(HttpStatus.UNAUTHORIZED)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body("{\"type\":\"urn:kb:invalid-token\",\"title\":\"Not signed in\",\"status\":401}"));

        assertThatThrownBy(() ->
                        BackendServices.over(http).client(ArticleClient.class).get("A"))
                .isInstanceOf(BackendException.class);
        assertThat(tokens.rejected).isTrue();
    }

    @Test
    void shouldLogOutWithTheGivenTokenRatherThanTheSessionOne() {
        tokens.token = "session-token";
        server.expect(requestTo("http://backend.test/api/auth/logout"))
                .andExpect(method(HttpMethod.POST))
                .andExpect(header("Authorization", "Bearer old-token"))
                .andRespond(withStatus(HttpStatus.NO_CONTENT));

        new AuthClient(http).logout("old-token");

        server.verify();
    }

    @Test
    void shouldReadALogin() {
        server.expect(requestTo("http://backend.test/api/auth/login"))
                .andRespond(withSuccess("""
                        {"token":"abc","roles":["ADMIN"],"username":"admin","displayName":"系统管理员",
                         "expiresAt":"2026-11-23T21:18:29.567926676Z"}
                        """, MediaType.APPLICATION_JSON));

        LoginAnswer answer = new AuthClient(http).begin("admin", "secret");

        assertThat(answer.mfaRequired()).isFalse();
        LoginResult login = answer.login();
        assertThat(login.isAdmin()).isTrue();
        assertThat(login.name()).isEqualTo("系统管理员");
    }

    @Test
    void shouldReadTheRequestForASecondStepAndSendTheCode() {
        server.expect(requestTo("http://backend.test/api/auth/login"))
                .andRespond(withSuccess("{\"mfaRequired\":true,\"mfaToken\":\"step-2\"}", MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://backend.test/api/auth/login/mfa"))
                .andExpect(method(HttpMethod.POST))
                .andExpect(content().json("{\"mfaToken\":\"step-2\",\"code\":\"123456\"}"))
                .andRespond(withSuccess(
                        "{\"token\":\"abc\",\"roles\":[\"USER\"],\"username\":\"user\"}", MediaType.APPLICATION_JSON));

        AuthClient auth = new AuthClient(http);
        LoginAnswer first = auth.begin("user", "secret");
        assertThat(first.mfaRequired()).isTrue();
        assertThat(first.token()).isNull();
        LoginAnswer second = auth.secondStep(first.mfaToken(), "123456");

        assertThat(second.login().token()).isEqualTo("abc");
        server.verify();
    }

    @Test
    void shouldReportAnUnreachableBackendAsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        BackendProperties nowhere = new BackendProperties(
                URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(1), Duration.ofSeconds(1), "");
        RestClient real = new BackendClientConfig().backendRestClient(RestClient.builder(), nowhere, tokens);

        assertThatThrownBy(() ->
                        BackendServices.over(real).client(ArticleClient.class).categories())
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BackendException.Kind.UNAVAILABLE);
                    assertThat(e.status()).isZero();
                });
    }

    @Test
    void shouldAskAQuestionAndReadWhereItWent() {
        tokens.token = "t-user";
        server.expect(requestTo("http://backend.test/api/questions"))
                .andExpect(method(HttpMethod.POST))
                .andExpect(header("Authorization", "Bearer t-user"))
                .andExpect(content().json("""
                        {"title":"备份失败","body":"<p>每晚备份报错</p>","kind":"FAULT","severity":"B","category":"database"}
                        """, true))
                .andRespond(withStatus(HttpStatus.CREATED)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("""
                              {"id":7,"status":"ASSIGNED","assignee":"expert","tier":"L1",
                               "replyDueAt":"2026-11-23T10:00:00Z","resolveDueAt":"2026-11-23T14:00:00Z"}
                              """));

        QuestionCreated created = BackendServices.over(http)
                .client(QuestionClient.class)
                .ask(new QuestionInput("备份失败", "<p>每晚备份报错</p>", "FAULT", "B", "database", "  "));

        assertThat(created)
                .isEqualTo(new QuestionCreated(
                        7,
                        "ASSIGNED",
                        "expert",
                        "L1",
                        Instant.parse("2026-11-23T10:00:00Z"),
                        Instant.parse("2026-11-23T14:00:00Z")));
        server.verify();
    }

    @Test
    void shouldReadAQuestionWithConversationTimelineAndRating() {
        server.expect(requestTo("http://backend.test/api/questions/7"))
                .andExpect(method(HttpMethod.GET))
                .andRespond(withSuccess("""
                        {"id":7,"title":"备份失败","body":"<p>x</p>","kind":"FAULT","severity":"B","category":"database",
                         "asker":"user","askerOrganisation":"demo","contactPref":null,"status":"RESOLVED",
                         "assignee":"expert","tier":"L1","escalated":false,"replyDueAt":"2026-11-23T10:00:00Z",
                         "resolveDueAt":"2026-11-23T14:00:00Z","firstReplyAt":"2026-11-23T09:00:00Z",
                         "resolvedAt":"2026-11-23T09:30:00Z","closedAt":null,"paused":false,"pausedSeconds":0,
                         "replyBreached":false,"resolveBreached":false,"articleId":null,"version":4,
                         "createdAt":"2026-11-23T08:00:00Z","updatedAt":"2026-11-23T09:30:00Z",
                         "timeline":[{"id":1,"type":"ASSIGNED","actor":null,"fromStatus":"NEW","toStatus":"ASSIGNED",
                                      "detail":null,"at":"2026-11-23T08:00:00Z"}],
                         "messages":[{"id":3,"author":"expert","authorName":"值班专家","fromExpert":true,
                                      "body":"<p>重启服务</p>","at":"2026-11-23T09:00:00Z"}],
                         "rating":{"attitude":5,"expertise":4,"timeliness":5,"comment":"好","flagged":false,
                                   "at":"2026-11-23T09:40:00Z"}}
                        """, MediaType.APPLICATION_JSON));

        QuestionDetail q =
                BackendServices.over(http).client(QuestionClient.class).get(7);

        assertThat(q.isFinished()).isTrue();
        assertThat(q.assignee()).isEqualTo("expert");
        assertThat(q.timeline()).extracting(QuestionDetail.Event::type).containsExactly("ASSIGNED");
        assertThat(q.messages()).singleElement().satisfies(m -> {
            assertThat(m.fromExpert()).isTrue();
            assertThat(m.body()).isEqualTo("<p>重启服务</p>");
        });
        assertThat(q.rating().expertise()).isEqualTo(4);
    }

    @Test
    void shouldListMineAssignedAndQueuedQuestionsWithoutDetails() {
        String one = """
                [{"id":8,"title":"t","kind":"CONSULTATION","severity":"D","category":"network","asker":"user",
                  "status":"NEW","assignee":null,"tier":"L1","timeline":null,"messages":null,"rating":null}]
                """;
        server.expect(requestTo("http://backend.test/api/questions?mine=true"))
                .andRespond(withSuccess(one, MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://backend.test/api/questions"))
                .andRespond(withSuccess("[]", MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://backend.test/api/expert/queue"))
                .andRespond(withSuccess(one, MediaType.APPLICATION_JSON));

        QuestionClient client = BackendServices.over(http).client(QuestionClient.class);
        assertThat(client.mine()).singleElement().satisfies(q -> {
            assertThat(q.id()).isEqualTo(8);
            // lists carry no details: the backend leaves them out
            assertThat(q.timeline()).isNull();
            assertThat(q.messages()).isNull();
            assertThat(q.allows(QuestionAction.CLAIM)).isFalse();
            assertThat(q.isFinished()).isFalse();
        });
        assertThat(client.list()).isEmpty();
        assertThat(client.queue()).extracting(QuestionDetail::assignee).containsOnlyNulls();
        server.verify();
    }

    @Test
    void shouldPostMessagesStatusChangesEscalationAndRating() {
        String answer = "{\"id\":7,\"title\":\"t\",\"status\":\"ANSWERED\"}";
        server.expect(requestTo("http://backend.test/api/questions/7/messages"))
                .andExpect(content().json("{\"body\":\"<p>a</p>\"}", true))
                .andRespond(withSuccess(answer, MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://backend.test/api/questions/7/messages"))
                .andExpect(content().json("{\"body\":\"<p>which?</p>\",\"waitForUser\":true}", true))
                .andRespond(withSuccess(answer, MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://backend.test/api/questions/7/escalate"))
                .andExpect(content().json("{\"reason\":\"needs DBA\"}", true))
                .andRespond(withSuccess(answer, MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://backend.test/api/questions/7/resolve"))
                .andExpect(method(HttpMethod.POST))
                .andRespond(withSuccess(answer, MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://backend.test/api/questions/7/reopen"))
                .andExpect(content().json("{\"reason\":\"again\"}", true))
                .andRespond(withSuccess(answer, MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://backend.test/api/questions/7/rating"))
                .andExpect(content().json("{\"attitude\":5,\"expertise\":4,\"timeliness\":3}", true))
                .andRespond(withSuccess(answer, MediaType.APPLICATION_JSON));

        QuestionClient client = BackendServices.over(http).client(QuestionClient.class);
        assertThat(client.message(7, "<p>a</p>", false).status()).isEqualTo("ANSWERED");
        client.message(7, "<p>which?</p>", true);
        client.escalate(7, "needs DBA");
        client.resolve(7);
        client.reopen(7, "again");
        client.rate(7, 5, 4, 3, " ");
        server.verify();
    }

    @Test
    void shouldReportAClaimSomeoneElseWonAsConflict() {
        server.expect(requestTo("http://backend.test/api/questions/9/claim"))
                .andExpect(method(HttpMethod.POST))
                .andRespond(withStatus(HttpStatus.CONFLICT)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body("""
                              {"type":"urn:kb:question-taken","title":"Conflict","status":409,
                               "detail":"Question 9 is already assigned to expert2."}
                              """));

        assertThatThrownBy(() ->
                        BackendServices.over(http).client(QuestionClient.class).claim(9))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.kbType()).isEqualTo("question-taken");
                });
    }

    @Test
    void shouldPublishADraftAndCountADeflection() {
        server.expect(requestTo("http://backend.test/api/questions/7/publish"))
                .andExpect(content().json("{\"type\":\"FAQ\"}", true))
                .andRespond(withStatus(HttpStatus.CREATED)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"articleId\":\"Q-7-faq\"}"));
        server.expect(requestTo("http://backend.test/api/questions/deflections"))
                .andExpect(content().json("{\"articleId\":\"FAQ-1\",\"query\":\"备份失败\"}", true))
                .andRespond(withSuccess("{\"deflections\":12}", MediaType.APPLICATION_JSON));

        QuestionClient client = BackendServices.over(http).client(QuestionClient.class);
        assertThat(client.publish(7, "FAQ")).isEqualTo("Q-7-faq");
        assertThat(client.deflect("FAQ-1", "备份失败")).isEqualTo(12);
        server.verify();
    }

    @Test
    void shouldAskForSimilarArticlesOnlyForTextWithWords() {
        server.expect(requestTo(
                        "http://backend.test/api/search/similar?text=%E5%A4%87%E4%BB%BD%20%26%20C%2B%2B&size=5"))
                .andExpect(method(HttpMethod.GET))
                .andRespond(withSuccess("""
                        [{"id":"FAQ-1","articleId":"FAQ-1","type":"faq","title":"备份失败怎么办","snippet":"",
                          "category":"database","lang":"zh","status":"PUBLISHED","score":0.8}]
                        """, MediaType.APPLICATION_JSON));

        SearchClient client = BackendServices.over(http).client(SearchClient.class);
        assertThat(client.similar(" 备份 & C++ ", 5)).extracting(SearchHit::title).containsExactly("备份失败怎么办");
        assertThat(client.similar(" ?! \n ", 5)).isEmpty();
        assertThat(client.similar(null, 5)).isEmpty();
        server.verify();
    }

    private static final class FakeTokens implements TokenSource {
        String token;
        boolean rejected;

        @Override
        public Optional<String> currentToken() {
            return Optional.ofNullable(token);
        }

        @Override
        public void tokenRejected() {
            rejected = true;
        }
    }
}
