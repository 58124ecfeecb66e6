package org.kbportal.ui.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/**
 * The experts' event stream against a small SSE server: events arrive, a dropped connection is
 * reopened with the last event id, a rejected token ends the subscription.
 */
class ExpertEventStreamTest {

    HttpServer server;
    final List<String> lastEventIds = new CopyOnWriteArrayList<>();
    final List<String> tokens = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    volatile int status = 200;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/expert/events", exchange -> {
            int n = connections.incrementAndGet();
            String last = exchange.getRequestHeaders().getFirst("Last-Event-ID");
            lastEventIds.add(last == null ? "-" : last);
            tokens.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (status != 200) {
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                long id = 10L * n;
                String body = ":connected\n\n" + "id:" + id + "\nevent:ASSIGNED\ndata:{\"id\":" + id
                        + ",\"kind\":\"ASSIGNED\",\"questionId\":" + n + ",\"message\":\"m\"}\n\n";
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            // closing the response = a dropped connection
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    ExpertEventStream stream() {
        return new ExpertEventStream(
                WebClient.create("http://127.0.0.1:" + server.getAddress().getPort()),
                Duration.ofMillis(20),
                Duration.ofMillis(100));
    }

    @Test
    void shouldDeliverEventsAndResumeAfterTheLastIdWhenTheConnectionDrops() throws Exception {
        List<ExpertEvent> events = new CopyOnWriteArrayList<>();
        AtomicInteger connected = new AtomicInteger();
        Disposable sub = stream().subscribe("tok", events::add, connected::incrementAndGet);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (events.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            sub.dispose();
        }
        assertThat(events).hasSizeGreaterThanOrEqualTo(3);
        assertThat(events.subList(0, 3)).extracting(ExpertEvent::questionId).containsExactly(1L, 2L, 3L);
        assertThat(lastEventIds.subList(0, 3)).containsExactly("-", "10", "20");
        assertThat(tokens).allMatch("Bearer tok"::equals);
        assertThat(connected.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldStopWhenTheTokenIsRejected() throws Exception {
        status = 401;
        Disposable sub = stream().subscribe("expired", e -> {}, () -> {});
        Thread.sleep(500);
        assertThat(connections.get()).isEqualTo(1);
        assertThat(sub.isDisposed()).isTrue();
    }
}
