package org.kbportal.backend.privacy;

import static org.kbportal.backend.system.Rows.instant;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.kbportal.backend.privacy.PersonalData.Account;
import org.kbportal.backend.search.SearchLog;
import org.kbportal.backend.system.KbException;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One person's data on request of a security administrator: the export gathers every row that names them, the
 * erasure anonymises the account and removes or clears those rows in one transaction (all or nothing).
 *
 * <p>Kept on purpose: the technical content of the person's questions and messages (the knowledge loop and the
 * service report need it; answers become articles with contact data replaced), the question's organisation, and
 * the audit events (rewriting them would break the tamper-evident chain; they end with the audit retention).
 */
@Service
public class PersonalDataService {

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final SearchLog searchLog;
    private final PasswordEncoder encoder;
    private final Clock clock;

    PersonalDataService(
            DatabaseClient db, TransactionalOperator tx, SearchLog searchLog, PasswordEncoder encoder, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.searchLog = searchLog;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** Everything held about user {@code id}; {@code 404 urn:kb:user-not-found} when there is none. */
    public Mono<PersonalData> export(long id) {
        // queued search-log rows first, so the export holds the person's latest searches too
        return searchLog
                .flush()
                .then(account(id))
                .flatMap(a -> Mono.zip(
                                organisation(id).map(List::of).defaultIfEmpty(List.of()),
                                questions(id),
                                list(
                                        "SELECT question_id, attitude, expertise, timeliness, comment, created_at FROM"
                                                + " question_rating WHERE rated_by = :v ORDER BY question_id",
                                        id,
                                        r -> new PersonalData.Rating(
                                                num(r, "question_id"),
                                                (int) num(r, "attitude"),
                                                (int) num(r, "expertise"),
                                                (int) num(r, "timeliness"),
                                                r.get("comment", String.class),
                                                instant(r, "created_at"))),
                                list(
                                        "SELECT id, kind, question_id, message, created_at, read_at FROM notification"
                                                + " WHERE user_id = :v ORDER BY id",
                                        id,
                                        r -> new PersonalData.Notification(
                                                num(r, "id"),
                                                r.get("kind", String.class),
                                                r.get("question_id", Long.class),
                                                r.get("message", String.class),
                                                instant(r, "created_at"),
                                                instant(r, "read_at"))),
                                preferences(id),
                                list(
                                        "SELECT article_id, helpful, comment, created_at FROM article_feedback"
                                                + " WHERE username = :v ORDER BY created_at",
                                        a.username(),
                                        r -> new PersonalData.Feedback(
                                                r.get("article_id", String.class),
                                                Boolean.TRUE.equals(r.get("helpful", Boolean.class)),
                                                r.get("comment", String.class),
                                                instant(r, "created_at"))),
                                list(
                                        "SELECT id, query, filters, hits, opened_id, created_at FROM search_log"
                                                + " WHERE username = :v ORDER BY id",
                                        a.username(),
                                        r -> new PersonalData.Search(
                                                num(r, "id"),
                                                r.get("query", String.class),
                                                r.get("filters", String.class),
                                                num(r, "hits"),
                                                r.get("opened_id", String.class),
                                                instant(r, "created_at"))))
                        .flatMap(t -> list(
                                        "SELECT id, occurred_at, action, target, status, client_ip FROM audit_event"
                                                + " WHERE actor = :v ORDER BY id",
                                        a.username(),
                                        r -> new PersonalData.AuditEntry(
                                                num(r, "id"),
                                                instant(r, "occurred_at"),
                                                r.get("action", String.class),
                                                r.get("target", String.class),
                                                r.get("status", Integer.class),
                                                r.get("client_ip", String.class)))
                                .map(audit -> new PersonalData(
                                        clock.instant(),
                                        a,
                                        t.getT1().isEmpty() ? null : t.getT1().getFirst(),
                                        t.getT2(),
                                        t.getT3(),
                                        t.getT4(),
                                        t.getT5(),
                                        t.getT6(),
                                        t.getT7(),
                                        audit))));
    }

    /**
     * Erases user {@code id} on behalf of {@code actorId}: nobody erases their own account ({@code 403
     * urn:kb:erase-own-account}), nor the last enabled security administrator ({@code 409
     * urn:kb:last-security-admin}). One transaction: a failing step leaves everything as it was.
     */
    public Mono<PersonalData.Erased> erase(long id, long actorId) {
        if (id == actorId) {
            return Mono.error(new KbException(
                    HttpStatus.FORBIDDEN,
                    "erase-own-account",
                    "Forbidden",
                    "Nobody can erase their own account; another security administrator must do it."));
        }
        String erasedName = "erased-" + id;
        // an unusable password (random, never shown), hashed like any other so a re-enabled account cannot sign in
        Mono<String> hash = Mono.fromCallable(() -> encoder.encode(UUID.randomUUID() + "-" + UUID.randomUUID()))
                .subscribeOn(Schedulers.boundedElastic())
                // the writes must not run on the interruptible elastic thread (docs/SECURITY.md notes)
                .publishOn(Schedulers.parallel());
        return searchLog
                .flush()
                .then(hash)
                .flatMap(h -> lockedAccount(id)
                        .flatMap(a -> refuseLastSecurityAdmin(a).thenReturn(a))
                        .flatMap(a -> {
                            String name = a.username();
                            Mono<Long> mails = a.email() == null
                                    ? Mono.just(0L)
                                    : update(
                                                    "DELETE FROM mail_attachment WHERE mail_id IN"
                                                            + " (SELECT id FROM mail_outbox WHERE recipient = :v)",
                                                    a.email())
                                            .then(update("DELETE FROM mail_outbox WHERE recipient = :v", a.email()));
                            // one statement after another on the transaction's connection; the first five are counted
                            return Flux.concat(
                                            update("UPDATE search_log SET username = NULL WHERE username = :v", name),
                                            update("UPDATE question SET contact_pref = NULL WHERE asker_id = :v", id),
                                            update("DELETE FROM notification WHERE user_id = :v", id),
                                            update(
                                                    "UPDATE article_feedback SET username = NULL,"
                                                            + " voter = CONCAT('erased:', CAST(id AS VARCHAR(20)))"
                                                            + " WHERE username = :v",
                                                    name),
                                            mails,
                                            update("DELETE FROM notification_pref WHERE user_id = :v", id),
                                            update("DELETE FROM notification_channel_pref WHERE user_id = :v", id),
                                            update("DELETE FROM auth_token WHERE user_id = :v", id),
                                            update("DELETE FROM mfa_challenge WHERE user_id = :v", id),
                                            update("DELETE FROM mfa_recovery_code WHERE user_id = :v", id),
                                            update("DELETE FROM user_mfa WHERE user_id = :v", id),
                                            update("DELETE FROM password_history WHERE user_id = :v", id),
                                            update(
                                                    "UPDATE expert SET active = FALSE, organisation = NULL WHERE user_id = :v",
                                                    id),
                                            db.sql("UPDATE stored_file SET created_by = :erased WHERE created_by = :v")
                                                    .bind("erased", erasedName)
                                                    .bind("v", name)
                                                    .fetch()
                                                    .rowsUpdated(),
                                            db.sql("UPDATE app_user SET username = :erased, display_name = :erased,"
                                                            + " email = NULL, phone = NULL, address = NULL, unit = NULL,"
                                                            + " organisation_id = NULL, external_id = NULL,"
                                                            + " last_synced_at = NULL, roles = 'USER', enabled = FALSE,"
                                                            + " password_hash = :hash, password_change_required = TRUE"
                                                            + " WHERE id = :v")
                                                    .bind("erased", erasedName)
                                                    .bind("hash", h)
                                                    .bind("v", id)
                                                    .fetch()
                                                    .rowsUpdated())
                                    .collectList()
                                    .map(counts -> new PersonalData.Erased(
                                            id,
                                            name,
                                            erasedName,
                                            counts.get(0),
                                            counts.get(1),
                                            counts.get(2),
                                            counts.get(3),
                                            counts.get(4)));
                        })
                        .as(tx::transactional));
    }

    /** The account row, locked for the erasure's transaction. */
    private Mono<Account> lockedAccount(long id) {
        return db.sql("SELECT id FROM app_user WHERE id = :v FOR UPDATE")
                .bind("v", id)
                .fetch()
                .one()
                .then(account(id));
    }

    private Mono<Void> refuseLastSecurityAdmin(Account a) {
        if (!a.enabled() || !a.roles().contains("SECURITY_ADMIN")) {
            return Mono.empty();
        }
        // every enabled security admin is locked, so two erasures at once cannot remove the last two
        return db.sql("SELECT id, roles FROM app_user WHERE enabled = TRUE AND id <> :v"
                        + " AND roles LIKE '%SECURITY_ADMIN%' FOR UPDATE")
                .bind("v", a.id())
                .map(r -> roles(r.get("roles", String.class)))
                .all()
                .filter(roles -> roles.contains("SECURITY_ADMIN"))
                .hasElements()
                .flatMap(
                        others -> others
                                ? Mono.<Void>empty()
                                : Mono.error(
                                        new KbException(
                                                HttpStatus.CONFLICT,
                                                "last-security-admin",
                                                "Conflict",
                                                "This is the last enabled security administrator; enable or create another one first.")));
    }

    private Mono<Account> account(long id) {
        return db.sql("SELECT u.id, u.username, u.display_name, u.email, u.phone, u.unit, u.address, u.roles,"
                        + " u.enabled, u.source, u.external_id, u.created_at, u.password_changed_at,"
                        + " u.last_synced_at, (SELECT COUNT(*) FROM user_mfa m WHERE m.user_id = u.id"
                        + " AND m.confirmed_at IS NOT NULL) AS mfa FROM app_user u WHERE u.id = :v")
                .bind("v", id)
                .map(r -> new Account(
                        num(r, "id"),
                        r.get("username", String.class),
                        r.get("display_name", String.class),
                        r.get("email", String.class),
                        r.get("phone", String.class),
                        r.get("unit", String.class),
                        r.get("address", String.class),
                        roles(r.get("roles", String.class)),
                        Boolean.TRUE.equals(r.get("enabled", Boolean.class)),
                        r.get("source", String.class),
                        r.get("external_id", String.class),
                        instant(r, "created_at"),
                        instant(r, "password_changed_at"),
                        instant(r, "last_synced_at"),
                        num(r, "mfa") > 0))
                .one()
                .switchIfEmpty(Mono.error(() -> KbException.notFound("user-not-found", "No user with id " + id + ".")));
    }

    private Mono<PersonalData.Organisation> organisation(long userId) {
        return db.sql("SELECT o.id, o.name FROM organisation o JOIN app_user u ON u.organisation_id = o.id"
                        + " WHERE u.id = :v")
                .bind("v", userId)
                .map(r -> new PersonalData.Organisation(num(r, "id"), r.get("name", String.class)))
                .one();
    }

    private Mono<List<PersonalData.AskedQuestion>> questions(long userId) {
        return db.sql("SELECT id, title, body, kind, severity, category, status, asker_org, contact_pref,"
                        + " created_at, closed_at FROM question WHERE asker_id = :v ORDER BY id")
                .bind("v", userId)
                .map(r -> new PersonalData.AskedQuestion(
                        num(r, "id"),
                        r.get("title", String.class),
                        r.get("body", String.class),
                        r.get("kind", String.class),
                        r.get("severity", String.class),
                        r.get("category", String.class),
                        r.get("status", String.class),
                        r.get("asker_org", String.class),
                        r.get("contact_pref", String.class),
                        instant(r, "created_at"),
                        instant(r, "closed_at"),
                        List.of(),
                        List.of()))
                .all()
                .concatMap(q -> Mono.zip(
                                list(
                                        "SELECT m.id, u.username, m.from_expert, m.body, m.created_at FROM"
                                                + " question_message m JOIN app_user u ON u.id = m.author_id"
                                                + " WHERE m.question_id = :v ORDER BY m.id",
                                        q.id(),
                                        r -> new PersonalData.Message(
                                                num(r, "id"),
                                                r.get("username", String.class),
                                                Boolean.TRUE.equals(r.get("from_expert", Boolean.class)),
                                                r.get("body", String.class),
                                                instant(r, "created_at"))),
                                list(
                                        "SELECT a.file_id, f.name, f.content_type, f.size_bytes, a.created_at FROM"
                                                + " question_attachment a JOIN stored_file f ON f.id = a.file_id"
                                                + " WHERE a.question_id = :v ORDER BY a.id",
                                        q.id(),
                                        r -> new PersonalData.Attachment(
                                                r.get("file_id", String.class),
                                                r.get("name", String.class),
                                                r.get("content_type", String.class),
                                                num(r, "size_bytes"),
                                                instant(r, "created_at"))))
                        .map(t -> new PersonalData.AskedQuestion(
                                q.id(),
                                q.title(),
                                q.body(),
                                q.kind(),
                                q.severity(),
                                q.category(),
                                q.status(),
                                q.askerOrg(),
                                q.contactPref(),
                                q.createdAt(),
                                q.closedAt(),
                                t.getT1(),
                                t.getT2())))
                .collectList();
    }

    private Mono<PersonalData.Preferences> preferences(long userId) {
        Mono<List<String>> lang =
                list("SELECT lang FROM notification_pref WHERE user_id = :v", userId, r -> r.get("lang", String.class));
        Mono<List<String[]>> channels = list(
                "SELECT email_events, sms_events, quiet_start, quiet_end FROM notification_channel_pref"
                        + " WHERE user_id = :v",
                userId,
                r -> new String[] {
                    r.get("email_events", String.class),
                    r.get("sms_events", String.class),
                    r.get("quiet_start", String.class),
                    r.get("quiet_end", String.class)
                });
        return Mono.zip(lang, channels).map(t -> {
            String language = t.getT1().isEmpty() ? null : t.getT1().getFirst();
            String[] c = t.getT2().isEmpty() ? new String[4] : t.getT2().getFirst();
            return new PersonalData.Preferences(language, c[0], c[1], c[2], c[3]);
        });
    }

    private <T> Mono<List<T>> list(String sql, Object value, java.util.function.Function<Readable, T> row) {
        return db.sql(sql).bind("v", value).map(row::apply).all().collectList();
    }

    private Mono<Long> update(String sql, Object value) {
        return db.sql(sql).bind("v", value).fetch().rowsUpdated();
    }

    private static List<String> roles(String stored) {
        return stored == null || stored.isBlank()
                ? List.of()
                : Arrays.stream(stored.split(",")).map(String::strip).toList();
    }

    private static long num(Readable r, String column) {
        Number n = r.get(column, Number.class);
        return n == null ? 0 : n.longValue();
    }
}
