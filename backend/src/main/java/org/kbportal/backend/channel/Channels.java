package org.kbportal.backend.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.kbportal.backend.system.KbException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Notification channels: {@link #publish} writes one outbox row per interested channel (and per phone for
 * SMS) in the caller's transaction; {@link ChannelDrain} sends them. Also the admin operations behind
 * {@code /api/admin/channels}.
 */
@Service
public class Channels {

    private final ChannelRepository repo;
    private final ChannelSecrets secrets;
    private final ChannelDrain drain;
    private final ChannelProperties props;
    private final ObjectMapper json;
    private final Clock clock;
    private final java.time.ZoneId zone;

    Channels(
            ChannelRepository repo,
            ChannelSecrets secrets,
            ChannelDrain drain,
            ChannelProperties props,
            ObjectMapper json,
            Clock clock,
            org.kbportal.backend.system.KbProperties kb) {
        this.repo = repo;
        this.secrets = secrets;
        this.drain = drain;
        this.props = props;
        this.json = json;
        this.clock = clock;
        this.zone = kb.questions().zone();
    }

    /** Queues the event for every enabled channel whose routing wants it. */
    public Mono<Void> publish(ChannelEvent e) {
        Instant now = clock.instant();
        return repo.channels()
                .filter(c -> c.enabled() && c.wants(e))
                .concatMap(c -> c.kind() == ChannelKind.SMS
                        ? smsWanted(e, now)
                                .filter(Boolean::booleanValue)
                                .flatMapMany(ok -> Flux.fromIterable(e.mobiles()))
                                .distinct()
                                .concatMap(phone -> repo.countTo(c.id(), phone, now.minus(Duration.ofHours(1)))
                                        .filter(n -> n < props.smsPerPersonPerHour())
                                        .flatMap(n -> queue(c, e, phone, now, null)))
                        : queue(c, e, null, now, null))
                .then();
    }

    /** The assignee's SMS choices: the event is one they want, and not in their quiet hours unless severity A. */
    private Mono<Boolean> smsWanted(ChannelEvent e, Instant now) {
        if (e.assigneeId() == null) {
            return Mono.just(true);
        }
        return preferences(e.assigneeId())
                .map(p -> p.wantsSms(e.type())
                        && ("A".equals(e.severity())
                                || !p.quiet(now.atZone(zone).toLocalTime())));
    }

    /** The user's choices; everything by every channel when they made none. */
    public Mono<NotificationPreferences> preferences(long userId) {
        return repo.preferences(userId).defaultIfEmpty(NotificationPreferences.DEFAULT);
    }

    Mono<NotificationPreferences> savePreferences(long userId, NotificationPreferences p) {
        return repo.savePreferences(userId, p).then(preferences(userId));
    }

    /**
     * Whether the user wants an e-mail of this notification ({@code Notifier} templates; those without an
     * event of their own, such as STATUS or WAITING, always go out).
     */
    public Mono<Boolean> wantsEmail(long userId, String template) {
        EventType t = switch (template) {
            case "ASSIGNED" -> EventType.ASSIGNED;
            case "WARNING" -> EventType.SLA_WARNING;
            case "ESCALATED" -> EventType.ESCALATED;
            case "ANSWERED" -> EventType.ANSWERED;
            case "LOW_RATING" -> EventType.RATED_LOW;
            default -> null;
        };
        return t == null ? Mono.just(true) : preferences(userId).map(p -> p.wantsEmail(t));
    }

    private Mono<Long> queue(StoredChannel c, ChannelEvent e, String recipient, Instant now, String leaseOwner) {
        String link = e.questionId() != null
                ? props.questionLink(e.questionId())
                : e.articleId() != null ? props.articleLink(e.articleId()) : null;
        String payload = json.writeValueAsString(
                Payload.of(e, link, c.kind() == ChannelKind.DINGTALK && e.type().callsTheExpert()));
        return repo.insertDelivery(
                c.id(),
                "msg_" + UUID.randomUUID().toString().replace("-", ""),
                e.type().name(),
                e.questionId(),
                recipient,
                payload,
                now,
                leaseOwner,
                leaseOwner == null ? null : now.plus(props.lease()));
    }

    Flux<StoredChannel> list() {
        return repo.channels();
    }

    Mono<StoredChannel> find(long id) {
        return repo.channel(id)
                .switchIfEmpty(Mono.error(() -> KbException.notFound("channel-not-found", "No channel " + id + ".")));
    }

    Mono<StoredChannel> create(ChannelRepository.Row row, String secret) {
        return encrypted(secret, null)
                .flatMap(enc -> repo.insert(withSecret(row, enc.orElse(null)), clock.instant()))
                .flatMap(repo::channel);
    }

    /** A null secret keeps the stored one; an empty one removes it. */
    Mono<StoredChannel> update(long id, ChannelRepository.Row row, String secret) {
        return find(id).flatMap(old -> encrypted(secret, old.secretEnc())
                .flatMap(enc ->
                        repo.update(id, withSecret(ChannelView.unmask(row, old), enc.orElse(null)), clock.instant()))
                .then(repo.channel(id)));
    }

    Mono<Void> delete(long id) {
        return repo.delete(id)
                .flatMap(ok -> ok
                        ? Mono.<Void>empty()
                        : Mono.error(KbException.notFound("channel-not-found", "No channel " + id + ".")));
    }

    /** Sends a test message now (bypassing routing) and answers with the receiver's verdict. */
    Mono<Delivery> test(long id, String phone) {
        Instant now = clock.instant();
        return find(id).flatMap(c -> {
            if (c.kind() == ChannelKind.SMS && (phone == null || phone.isBlank())) {
                return Mono.error(KbException.badRequest(
                        "channel-test-needs-phone", "A test SMS goes to your own phone; your profile has none."));
            }
            ChannelEvent e = new ChannelEvent(
                    EventType.TEST,
                    null,
                    null,
                    "通知渠道测试 / channel test: " + c.name(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    phone == null ? java.util.List.of() : java.util.List.of(phone),
                    null,
                    now);
            return queue(c, e, c.kind() == ChannelKind.SMS ? phone : null, now, drain.owner())
                    .flatMap(repo::delivery)
                    .flatMap(drain::attempt);
        });
    }

    Flux<Delivery> deliveries(long channelId, int limit) {
        return find(channelId).flatMapMany(c -> repo.deliveries(channelId, limit));
    }

    Mono<Delivery> redeliver(long deliveryId) {
        return repo.redeliver(deliveryId, clock.instant())
                .flatMap(ok -> ok
                        ? repo.delivery(deliveryId)
                        : repo.delivery(deliveryId)
                                .switchIfEmpty(Mono.error(() ->
                                        KbException.notFound("delivery-not-found", "No delivery " + deliveryId + ".")))
                                .flatMap(d -> Mono.<Delivery>error(KbException.conflict(
                                        "delivery-in-flight",
                                        "Delivery " + deliveryId + " is being sent right now."))));
    }

    private Mono<java.util.Optional<String>> encrypted(String secret, String keep) {
        if (secret == null) {
            return Mono.just(java.util.Optional.ofNullable(keep));
        }
        if (secret.isEmpty()) {
            return Mono.just(java.util.Optional.empty());
        }
        return secrets.encrypt(secret).map(java.util.Optional::of);
    }

    private static ChannelRepository.Row withSecret(ChannelRepository.Row r, String enc) {
        return new ChannelRepository.Row(
                r.kind(), r.name(), r.url(), enc, r.events(), r.categories(), r.severities(), r.sms(), r.enabled());
    }
}
