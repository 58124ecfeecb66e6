package org.kbportal.backend.channel;

import static org.kbportal.backend.system.Rows.instant;
import static org.kbportal.backend.system.Rows.utc;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kbportal.backend.system.Rows;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

@Repository
class ChannelRepository {

    private static final String CHANNEL = "SELECT id, kind, name, url, secret_enc, events, categories, severities,"
            + " settings, enabled, created_at, updated_at FROM notify_channel";
    private static final String DELIVERY = "SELECT id, channel_id, event_id, event_type, question_id, recipient,"
            + " payload, status, attempts, next_attempt_at, last_status_code, last_error, created_at, updated_at,"
            + " sent_at FROM channel_delivery";

    private final DatabaseClient db;
    private final ObjectMapper json;

    ChannelRepository(DatabaseClient db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The columns of a channel as written. */
    record Row(
            ChannelKind kind,
            String name,
            String url,
            String secretEnc,
            Set<EventType> events,
            List<String> categories,
            List<String> severities,
            SmsSettings sms,
            boolean enabled) {}

    Mono<Long> insert(Row r, Instant now) {
        return bindRow(
                        db.sql("INSERT INTO notify_channel (kind, name, url, secret_enc, events, categories,"
                                + " severities, settings, enabled, created_at, updated_at) VALUES (:kind, :name, :url,"
                                + " :secret, :events, :categories, :severities, :settings, :enabled, :now, :now)"),
                        r)
                .bind("now", utc(now))
                .filter(st -> st.returnGeneratedValues("id"))
                .map(row -> ((Number) row.get("id")).longValue())
                .one();
    }

    Mono<Boolean> update(long id, Row r, Instant now) {
        return bindRow(
                        db.sql("UPDATE notify_channel SET kind = :kind, name = :name, url = :url, secret_enc = :secret,"
                                + " events = :events, categories = :categories, severities = :severities,"
                                + " settings = :settings, enabled = :enabled, updated_at = :now WHERE id = :id"),
                        r)
                .bind("now", utc(now))
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    private GenericExecuteSpec bindRow(GenericExecuteSpec spec, Row r) {
        spec = spec.bind("kind", r.kind().name())
                .bind("name", r.name())
                .bind("url", r.url())
                .bind(
                        "events",
                        String.join(
                                ",",
                                r.events().stream().map(Enum::name).sorted().toList()))
                .bind("categories", String.join(",", r.categories()))
                .bind("severities", String.join(",", r.severities()))
                .bind("enabled", r.enabled());
        spec = r.secretEnc() == null ? spec.bindNull("secret", String.class) : spec.bind("secret", r.secretEnc());
        return r.sms() == null
                ? spec.bindNull("settings", String.class)
                : spec.bind("settings", json.writeValueAsString(r.sms()));
    }

    Mono<Boolean> delete(long id) {
        return db.sql("DELETE FROM notify_channel WHERE id = :id")
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    Flux<StoredChannel> channels() {
        return db.sql(CHANNEL + " ORDER BY id").map(r -> channel(r)).all();
    }

    Mono<StoredChannel> channel(long id) {
        return db.sql(CHANNEL + " WHERE id = :id")
                .bind("id", id)
                .map(r -> channel(r))
                .one();
    }

    Mono<Long> insertDelivery(
            long channelId,
            String eventId,
            String eventType,
            Long questionId,
            String recipient,
            String payload,
            Instant now,
            String leaseOwner,
            Instant leaseUntil) {
        GenericExecuteSpec spec = db.sql("INSERT INTO channel_delivery (channel_id, event_id, event_type, question_id,"
                        + " recipient, payload, status, next_attempt_at, locked_by, locked_until, created_at,"
                        + " updated_at) VALUES (:c, :e, :t, :q, :r, :p, 'PENDING', :now, :lb, :lu, :now, :now)")
                .bind("c", channelId)
                .bind("e", eventId)
                .bind("t", eventType)
                .bind("p", payload)
                .bind("now", utc(now));
        spec = questionId == null ? spec.bindNull("q", Long.class) : spec.bind("q", questionId);
        spec = recipient == null ? spec.bindNull("r", String.class) : spec.bind("r", recipient);
        spec = leaseOwner == null ? spec.bindNull("lb", String.class) : spec.bind("lb", leaseOwner);
        spec = leaseUntil == null ? spec.bindNull("lu", OffsetDateTime.class) : spec.bind("lu", utc(leaseUntil));
        return spec.filter(st -> st.returnGeneratedValues("id"))
                .map(row -> ((Number) row.get("id")).longValue())
                .one();
    }

    /** Messages one recipient got (or will get) from a channel since {@code since}: the SMS rate limit. */
    Mono<Long> countTo(long channelId, String recipient, Instant since) {
        return db.sql("SELECT COUNT(*) AS n FROM channel_delivery WHERE channel_id = :c AND recipient = :r"
                        + " AND created_at >= :s AND event_type <> 'TEST'")
                .bind("c", channelId)
                .bind("r", recipient)
                .bind("s", utc(since))
                .map(r -> ((Number) r.get("n")).longValue())
                .one();
    }

    /** Deliveries due now that no live lease holds, of enabled channels. */
    Flux<Delivery> due(Instant now, int limit) {
        return db.sql(DELIVERY + " d WHERE d.status IN ('PENDING', 'FAILED') AND d.next_attempt_at <= :now"
                        + " AND (d.locked_until IS NULL OR d.locked_until < :now) AND EXISTS (SELECT 1 FROM"
                        + " notify_channel c WHERE c.id = d.channel_id AND c.enabled) ORDER BY d.id LIMIT " + limit)
                .bind("now", utc(now))
                .map(r -> delivery(r))
                .all();
    }

    /** Takes the lease of one delivery; false when another instance was quicker or it is done. */
    Mono<Boolean> lease(long id, String owner, Instant now, Instant until) {
        return Rows.lease(db, "channel_delivery", "status IN ('PENDING', 'FAILED')", id, owner, now, until);
    }

    /** Records an attempt; only the lease holder may (a lease that ran out and was taken over loses). */
    Mono<Void> recordAttempt(
            long id, String owner, String status, Integer code, String error, Instant next, Instant now) {
        GenericExecuteSpec spec = db.sql("UPDATE channel_delivery SET status = :s, attempts = attempts + 1,"
                        + " last_status_code = :code, last_error = :e, next_attempt_at = :n, locked_by = NULL,"
                        + " locked_until = NULL, updated_at = :now"
                        + ("SENT".equals(status) ? ", sent_at = :now" : "")
                        + " WHERE id = :id AND locked_by = :o")
                .bind("s", status)
                .bind("n", utc(next))
                .bind("now", utc(now))
                .bind("id", id)
                .bind("o", owner);
        spec = code == null ? spec.bindNull("code", Integer.class) : spec.bind("code", code);
        spec = error == null
                ? spec.bindNull("e", String.class)
                : spec.bind("e", error.length() > 1000 ? error.substring(0, 1000) : error);
        return spec.then();
    }

    Mono<Delivery> delivery(long id) {
        return db.sql(DELIVERY + " WHERE id = :id")
                .bind("id", id)
                .map(r -> delivery(r))
                .one();
    }

    /** The newest deliveries of a channel, failures (DEAD, FAILED) first. */
    Flux<Delivery> deliveries(long channelId, int limit) {
        return db.sql(DELIVERY + " WHERE channel_id = :c ORDER BY CASE status WHEN 'DEAD' THEN 0 WHEN 'FAILED'"
                        + " THEN 1 WHEN 'PENDING' THEN 2 ELSE 3 END, id DESC LIMIT " + limit)
                .bind("c", channelId)
                .map(r -> delivery(r))
                .all();
    }

    /** Queues a delivery again with the same event id; its attempts start over. */
    Mono<Boolean> redeliver(long id, Instant now) {
        return db.sql("UPDATE channel_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = :now,"
                        + " locked_by = NULL, locked_until = NULL, updated_at = :now WHERE id = :id"
                        + " AND (status <> 'PENDING' OR locked_until IS NULL OR locked_until < :now)")
                .bind("now", utc(now))
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    Mono<Long> countByStatus(String status) {
        return db.sql("SELECT COUNT(*) AS n FROM channel_delivery WHERE status = :s")
                .bind("s", status)
                .map(r -> ((Number) r.get("n")).longValue())
                .one();
    }

    Mono<NotificationPreferences> preferences(long userId) {
        return db.sql("SELECT email_events, sms_events, quiet_start, quiet_end FROM notification_channel_pref"
                        + " WHERE user_id = :u")
                .bind("u", userId)
                .map(r -> new NotificationPreferences(
                        nullableList(r.get("email_events", String.class)),
                        nullableList(r.get("sms_events", String.class)),
                        r.get("quiet_start", String.class),
                        r.get("quiet_end", String.class)))
                .one();
    }

    Mono<Void> savePreferences(long userId, NotificationPreferences p) {
        GenericExecuteSpec insert = db.sql("INSERT INTO notification_channel_pref (user_id, email_events, sms_events,"
                        + " quiet_start, quiet_end) VALUES (:u, :e, :s, :qs, :qe)")
                .bind("u", userId);
        insert = bindNullable(insert, "e", p.email() == null ? null : String.join(",", p.email()));
        insert = bindNullable(insert, "s", p.sms() == null ? null : String.join(",", p.sms()));
        insert = bindNullable(insert, "qs", p.quietStart());
        insert = bindNullable(insert, "qe", p.quietEnd());
        return db.sql("DELETE FROM notification_channel_pref WHERE user_id = :u")
                .bind("u", userId)
                .then()
                .then(insert.then());
    }

    private static GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    /** null stays null (every event); "" is the empty list (none). */
    private static List<String> nullableList(String s) {
        return s == null ? null : list(s);
    }

    private StoredChannel channel(Readable r) {
        String settings = r.get("settings", String.class);
        return new StoredChannel(
                ((Number) r.get("id")).longValue(),
                ChannelKind.valueOf(r.get("kind", String.class)),
                r.get("name", String.class),
                r.get("url", String.class),
                r.get("secret_enc", String.class),
                events(r.get("events", String.class)),
                list(r.get("categories", String.class)),
                list(r.get("severities", String.class)),
                settings == null ? null : json.readValue(settings, SmsSettings.class),
                Boolean.TRUE.equals(r.get("enabled", Boolean.class)),
                instant(r, "created_at"),
                instant(r, "updated_at"));
    }

    private static Set<EventType> events(String s) {
        Set<EventType> out = EnumSet.noneOf(EventType.class);
        list(s).forEach(e -> out.add(EventType.valueOf(e)));
        return out;
    }

    private static List<String> list(String s) {
        return s == null || s.isBlank()
                ? List.of()
                : Arrays.stream(s.split(",")).filter(x -> !x.isBlank()).toList();
    }

    private static Delivery delivery(Readable r) {
        Object q = r.get("question_id");
        Object code = r.get("last_status_code");
        return new Delivery(
                ((Number) r.get("id")).longValue(),
                ((Number) r.get("channel_id")).longValue(),
                r.get("event_id", String.class),
                r.get("event_type", String.class),
                q == null ? null : ((Number) q).longValue(),
                r.get("recipient", String.class),
                r.get("payload", String.class),
                r.get("status", String.class),
                ((Number) r.get("attempts")).intValue(),
                instant(r, "next_attempt_at"),
                code == null ? null : ((Number) code).intValue(),
                r.get("last_error", String.class),
                instant(r, "created_at"),
                instant(r, "updated_at"),
                instant(r, "sent_at"));
    }
}
