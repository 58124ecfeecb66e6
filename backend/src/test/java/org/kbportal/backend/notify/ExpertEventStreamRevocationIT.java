package org.kbportal.backend.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/**
 * An expert's live event stream ends once the login it was opened with is gone: after a logout of
 * that token, and when an admin takes the EXPERT role away (which leaves the token valid). Without
 * the re-check the stream ran on, heartbeat after heartbeat, until the client hung up.
 */
class ExpertEventStreamRevocationIT {

    private static final Duration RECHECK = Duration.ofSeconds(1);

    private static BackendServer server;

    @BeforeAll
    static void start() {
        server = BackendServer.start(
                BackendServer.tempDataDir("kb-events-revoke"),
                Map.of(
                        "kb.seed.index-data", "false",
                        "kb.search.embeddings", "false",
                        "kb.questions.event-recheck", RECHECK.toString(),
                        "kb.questions.event-heartbeat", "500ms"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldEndTheStreamWhenItsTokenIsLoggedOut() throws Exception {
        String token = server.login("expert", "expert-demo-2026");
        Stream stream = open(token);
        try {
            stream.awaitConnected();
            // a heartbeat is 500 ms: the stream keeps running while the token is valid
            Thread.sleep(3 * RECHECK.toMillis());
            assertThat(stream.ended).isNotDone();

            server.client()
                    .post()
                    .uri("/api/auth/logout")
                    .header("Authorization", "Bearer " + token)
                    .exchange()
                    .expectStatus()
                    .isNoContent();
            long loggedOut = System.nanoTime();
            stream.ended.get(RECHECK.multipliedBy(5).toMillis(), TimeUnit.MILLISECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - loggedOut)).isLessThan(RECHECK.multipliedBy(4));
        } finally {
            stream.subscription.dispose();
        }
    }

    @Test
    void shouldEndTheStreamWhenTheAccountIsNoLongerAnExpert() throws Exception {
        String token = server.login("expert2", "expert2-demo-2026");
        Stream stream = open(token);
        try {
            stream.awaitConnected();
            String admin = server.login("admin", "admin-demo-2026");
            String secadmin = server.login("secadmin", "secadmin-demo-2026");
            Number id = (Number) server
                    .client()
                    .get()
                    .uri("/api/admin/users")
                    .header("Authorization", "Bearer " + secadmin)
                    .exchange()
                    .expectBodyList(Map.class)
                    .returnResult()
                    .getResponseBody()
                    .stream()
                    .filter(u -> "expert2".equals(u.get("username")))
                    .findFirst()
                    .orElseThrow()
                    .get("id");
            server.client()
                    .put()
                    .uri("/api/admin/users/{id}", id)
                    .header("Authorization", "Bearer " + secadmin)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("roles", List.of("USER")))
                    .exchange()
                    .expectStatus()
                    .isOk();
            stream.ended.get(RECHECK.multipliedBy(5).toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            stream.subscription.dispose();
        }
    }

    private record Stream(CountDownLatch connected, CompletableFuture<Void> ended, Disposable subscription) {

        void awaitConnected() throws InterruptedException {
            assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static Stream open(String token) {
        CountDownLatch connected = new CountDownLatch(1);
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Disposable subscription = WebClient.create(server.baseUrl())
                .get()
                .uri("/api/expert/events")
                .header("Authorization", "Bearer " + token)
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                .subscribe(
                        e -> {
                            if ("connected".equals(e.comment())) {
                                connected.countDown();
                            }
                        },
                        ended::completeExceptionally,
                        () -> ended.complete(null));
        return new Stream(connected, ended, subscription);
    }
}
