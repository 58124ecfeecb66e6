package org.kbportal.backend.channel;

import java.time.Clock;
import java.time.Instant;
import org.kbportal.backend.system.LeasedDrain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Drains {@code channel_delivery}: every {@code kb.channel.drain-interval} each instance takes the due
 * deliveries it can lease (an UPDATE that only one instance wins), sends them and records the attempt.
 * A failure waits {@link ChannelProperties#backoff}; after {@code kb.channel.max-attempts} the delivery
 * is DEAD. An instance that dies mid-send leaves its lease to run out, then another sends the message
 * again with the same event id (at least once; receivers de-duplicate by {@code webhook-id}).
 */
@Component
class ChannelDrain extends LeasedDrain<Delivery> {

    private static final Logger log = LoggerFactory.getLogger(ChannelDrain.class);

    private final ChannelRepository repo;
    private final ChannelSender sender;
    private final ChannelProperties props;

    ChannelDrain(ChannelRepository repo, ChannelSender sender, ChannelProperties props, Clock clock) {
        super("Channel outbox drain", "channel", clock, 50, 8);
        this.repo = repo;
        this.sender = sender;
        this.props = props;
    }

    @Override
    protected Flux<Delivery> due(Instant now, int limit) {
        return repo.due(now, limit);
    }

    @Override
    protected Mono<Boolean> lease(Delivery d, String owner, Instant now) {
        return repo.lease(d.id(), owner, now, now.plus(props.lease()));
    }

    /** One attempt of a delivery this instance holds the lease of. */
    @Override
    protected Mono<Delivery> attempt(Delivery d) {
        return repo.channel(d.channelId())
                .flatMap(c -> sender.send(c, d, clock().instant()))
                .flatMap(r -> {
                    Instant at = clock().instant();
                    int attempts = d.attempts() + 1;
                    String status = r.ok() ? "SENT" : props.retry().dead(attempts) ? "DEAD" : "FAILED";
                    if (!r.ok()) {
                        log.warn(
                                "Channel {} delivery {} attempt {} failed ({}): {}",
                                d.channelId(),
                                d.id(),
                                attempts,
                                status,
                                r.statusCode() == null ? r.error() : "HTTP " + r.statusCode());
                    }
                    return repo.recordAttempt(
                            d.id(), owner(), status, r.statusCode(), r.error(), at.plus(props.backoff(attempts)), at);
                })
                .then(repo.delivery(d.id()));
    }

    @Override
    protected Schedule schedule() {
        return Schedule.every(props.drainInterval());
    }
}
