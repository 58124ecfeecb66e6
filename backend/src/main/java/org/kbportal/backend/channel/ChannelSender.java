package org.kbportal.backend.channel;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Makes one attempt of one delivery: decrypts the channel's secret, lets the channel build the request
 * and judge the answer. Redirects are not followed (a receiver cannot bounce the portal to another host).
 */
@Component
class ChannelSender {

    /** The outcome of an attempt; {@code statusCode} is null when the receiver did not answer. */
    record Result(boolean ok, Integer statusCode, String error) {}

    private final Map<ChannelKind, Channel> channels = new EnumMap<>(ChannelKind.class);
    private final ChannelSecrets secrets;
    private final ChannelProperties props;
    private final ObjectMapper json;
    private final HttpClient http;

    ChannelSender(List<Channel> all, ChannelSecrets secrets, ChannelProperties props, ObjectMapper json) {
        all.forEach(c -> channels.put(c.kind(), c));
        this.secrets = secrets;
        this.props = props;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(props.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Mono<Result> send(StoredChannel channel, Delivery d, Instant now) {
        return secrets.decrypt(channel.secretEnc())
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(secret -> {
                    Channel c = channels.get(channel.kind());
                    Payload payload = json.readValue(d.payload(), Payload.class);
                    Channel.Outgoing out = c.request(channel, secret.orElse(null), d, payload, now);
                    HttpRequest.Builder b = HttpRequest.newBuilder(out.uri())
                            .timeout(props.timeout())
                            .method(
                                    out.method(),
                                    out.body() == null
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString(out.body(), StandardCharsets.UTF_8));
                    out.headers().forEach(b::header);
                    return Mono.fromFuture(() -> http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()))
                            .map(r -> c.accepted(r.statusCode(), r.body())
                                    ? new Result(true, r.statusCode(), null)
                                    : new Result(false, r.statusCode(), "rejected: " + MessageText.cut(r.body(), 300)));
                })
                .onErrorResume(e -> Mono.just(new Result(
                        false,
                        null,
                        e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + MessageText.cut(e.getMessage(), 300)))));
    }
}
