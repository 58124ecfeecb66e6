package org.kbportal.ui.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * The experts' live event stream ({@code GET /api/expert/events}, server-sent events). A subscription
 * stays open until disposed: when the connection drops, or nothing (not even the backend's 15 s
 * heartbeat) arrives for {@link #SILENCE}, it reconnects with exponential backoff and sends the last
 * event id it saw as {@code Last-Event-ID}, so no event is lost in between. A rejected token (401,
 * 403) ends it.
 */
@Component
public class ExpertEventStream {

    private static final Logger log = LoggerFactory.getLogger(ExpertEventStream.class);

    /** Longer than the backend's heartbeat: a connection this quiet is dead. */
    static final Duration SILENCE = Duration.ofSeconds(45);

    private static final ParameterizedTypeReference<ServerSentEvent<ExpertEvent>> EVENT =
            new ParameterizedTypeReference<>() {};

    private final WebClient web;
    private final Duration firstBackoff;
    private final Duration maxBackoff;

    @Autowired
    public ExpertEventStream(BackendProperties props) {
        this(client(props), Duration.ofMillis(250), Duration.ofSeconds(30));
    }

    /** Over HTTPS with a configured trust, the JDK client that carries it; else Reactor Netty's default. */
    private static WebClient client(BackendProperties props) {
        WebClient.Builder web = WebClient.builder().baseUrl(props.backendUrl().toString());
        if (!props.backendTrust().isBlank()) {
            web.clientConnector(new org.springframework.http.client.reactive.JdkClientHttpConnector(
                    props.httpClient().build()));
        }
        return web.build();
    }

    ExpertEventStream(WebClient web, Duration firstBackoff, Duration maxBackoff) {
        this.web = web;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    /**
     * Opens the stream for the expert whose token this is.
     *
     * @param onEvent called for every event, on a network thread
     * @param onConnected called each time the stream is (re)connected, on a network thread: a chance
     *     to reload what the events describe
     * @return dispose it to close the stream
     */
    public Disposable subscribe(String token, Consumer<ExpertEvent> onEvent, Runnable onConnected) {
        AtomicReference<String> lastId = new AtomicReference<>();
        return Flux.defer(() -> web.get()
                        .uri("/api/expert/events")
                        .accept(MediaType.TEXT_EVENT_STREAM)
                        .headers(h -> {
                            h.setBearerAuth(token);
                            if (lastId.get() != null) {
                                h.set("Last-Event-ID", lastId.get());
                            }
                        })
                        .retrieve()
                        .bodyToFlux(EVENT)
                        // remembered as the event arrives, before the hop below: a reconnect right after
                        // a dropped stream must send the newest id (it sent the one before under load)
                        .doOnNext(e -> {
                            if (e.id() != null) {
                                lastId.set(e.id());
                            }
                        })
                        .timeout(SILENCE))
                // the backend ended the stream (e.g. shutting down): connect again
                .repeat()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, firstBackoff)
                        .maxBackoff(maxBackoff)
                        .transientErrors(true)
                        .filter(ExpertEventStream::worthRetrying)
                        .doBeforeRetry(s -> log.debug(
                                "Expert event stream lost, reconnecting: {}",
                                s.failure().toString())))
                // listeners call the backend over blocking HTTP: never on a Netty event loop, which in the
                // one-JVM portal is shared with the backend's server and would stall the very call it makes
                .publishOn(Schedulers.boundedElastic())
                .subscribe(
                        e -> {
                            if ("connected".equals(e.comment())) {
                                onConnected.run();
                            } else if (e.data() != null) {
                                onEvent.accept(e.data());
                            }
                        },
                        e -> log.info("Expert event stream closed: {}", e.toString()));
    }

    private static boolean worthRetrying(Throwable e) {
        return !(e instanceof WebClientResponseException r
                && (r.getStatusCode().value() == 401 || r.getStatusCode().value() == 403));
    }
}
