package org.kbportal.ui.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.headerDoesNotExist;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

class BackendClientsTest {

    private static final BackendProperties PROPS =
            new BackendProperties(URI.create("http://backend.test"), Duration.ofSeconds(1), Duration.ofSeconds(5));

    private final FakeTokens tokens = new FakeTokens();
    private final RestClient.Builder builder = BackendClientConfig.configure(RestClient.builder(), PROPS, tokens);
    private final MockRestServiceServer server =
            MockRestServiceServer.bindTo(builder).build();
    private final RestClient http = builder.build();

    @Test
    void shouldEncodeSearchWordsStrictlyAndReadTheResults() {
        server.expect(
                        requestTo(
                                "http://backend.test/api/search?q=C%2B%2B%20%26%20a%3Db%20%E5%A4%87%E4%BB%BD&type=faq&page=1&size=10"))
                .andExpect(method(HttpMethod.GET))
                .andExpect(headerDoesNotExist("Authorization"))
                .andRespond(withSuccess("""
                        {"query":"C++","total":11,"page":1,"size":10,"tookMs":4,
                         "hits":[{"id":"M~3","articleId":"M","type":"manual","title":"手册 › 3 备份",
                                  "snippet":"<em>备份</em>","category":"backup","lang":"zh","status":"PUBLISHED","score":1.5}],
                         "facets":{"type":{"manual":11}}}
                        """, MediaType.APPLICATION_JSON));

        SearchResults results =
                new SearchClient(http).search(new SearchQuery("C++ & a=b 备份", "faq", null, null, 1, 10));

        assertThat(results.total()).isEqualTo(11);
        assertThat(results.totalPages()).isEqualTo(2);
        assertThat(results.hits()).extracting(SearchHit::articleId).containsExactly("M");
        assertThat(results.facet("type")).containsEntry("manual", 11L);
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

        assertThatThrownBy(() -> new SearchClient(http).search(SearchQuery.of("x")))
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
        assertThatThrownBy(() -> new ArticleClient(http).update("A-1", input))
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

        assertThatThrownBy(() -> new ArticleClient(http).get("X")).isInstanceOfSatisfying(BackendException.class, e -> {
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

        assertThatThrownBy(() -> new ArticleClient(http).get("A")).isInstanceOf(BackendException.class);
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

        LoginResult login = new AuthClient(http).login("admin", "secret");

        assertThat(login.isAdmin()).isTrue();
        assertThat(login.name()).isEqualTo("系统管理员");
    }

    @Test
    void shouldReportAnUnreachableBackendAsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        BackendProperties nowhere = new BackendProperties(
                URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(1), Duration.ofSeconds(1));
        RestClient real = new BackendClientConfig().backendRestClient(RestClient.builder(), nowhere, tokens);

        assertThatThrownBy(() -> new ArticleClient(real).categories())
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BackendException.Kind.UNAVAILABLE);
                    assertThat(e.status()).isZero();
                });
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
