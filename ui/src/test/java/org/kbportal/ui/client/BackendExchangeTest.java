package org.kbportal.ui.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kbportal.contract.question.QuestionAction;
import org.springframework.web.client.RestClient;

/**
 * The declarative clients over a real HTTP exchange: a loopback server answers as the backend does, and the proxy
 * made by {@link BackendServices} turns every kind of failure into the right {@link BackendException}.
 */
class BackendExchangeTest {

    private HttpServer server;
    private final List<String> seen = new ArrayList<>();
    private QuestionClient questions;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/api/questions/9/claim", exchange -> answer(exchange, 409, "application/problem+json", """
                {"type":"urn:kb:question-taken","title":"Conflict","status":409,
                 "detail":"Question 9 is already assigned to expert2.","assignee":"expert2"}
                """));
        server.createContext("/api/questions/7", exchange -> answer(exchange, 200, "application/json", """
                {"id":7,"title":"t","status":"ANSWERED","actions":["RESOLVE","REOPEN_LATER_MAYBE"]}
                """));
        server.createContext("/api/questions/8", exchange -> answer(exchange, 200, "application/json", "{\"id\":"));
        server.start();
        URI base = URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort());
        BackendProperties props = new BackendProperties(base, Duration.ofSeconds(2), Duration.ofSeconds(5), "");
        RestClient http = new BackendClientConfig().backendRestClient(RestClient.builder(), props, new Token());
        questions = BackendServices.over(http).client(QuestionClient.class);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body)
            throws IOException {
        seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                + exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void shouldTurnAProblemAnswerIntoABackendExceptionWithItsTypeAndMembers() {
        assertThatThrownBy(() -> questions.claim(9)).isInstanceOfSatisfying(BackendException.class, e -> {
            assertThat(e.kind()).isEqualTo(BackendException.Kind.PROBLEM);
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.kbType()).isEqualTo("question-taken");
            assertThat(e.getMessage()).isEqualTo("Question 9 is already assigned to expert2.");
            assertThat(e.problem().orElseThrow().properties()).containsEntry("assignee", "expert2");
        });
        assertThat(seen).containsExactly("POST /api/questions/9/claim Bearer t-9");
    }

    @Test
    void shouldReadAContractRecordAndIgnoreAnActionThisUiDoesNotKnow() {
        var q = questions.get(7);

        assertThat(q.status()).isEqualTo("ANSWERED");
        assertThat(q.allows(QuestionAction.RESOLVE)).isTrue();
        assertThat(q.allows(QuestionAction.CLAIM)).isFalse();
    }

    @Test
    void shouldReportAnAnswerItCannotReadAsUnreadable() {
        assertThatThrownBy(() -> questions.get(8))
                .isInstanceOfSatisfying(
                        BackendException.class, e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.UNREADABLE));
    }

    @Test
    void shouldReportABackendThatIsGoneAsUnavailable() {
        server.stop(0);

        assertThatThrownBy(() -> questions.queue())
                .isInstanceOfSatisfying(
                        BackendException.class, e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.UNAVAILABLE));
    }

    private static final class Token implements TokenSource {
        @Override
        public Optional<String> currentToken() {
            return Optional.of("t-9");
        }

        @Override
        public void tokenRejected() {}
    }
}
