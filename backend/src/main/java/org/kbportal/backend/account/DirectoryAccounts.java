package org.kbportal.backend.account;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where accounts come from ({@code app_user.source}, {@code external_id}, {@code last_synced_at}) and the
 * directory sync history; the profile columns themselves stay {@link UserRepository}'s.
 */
@Repository
class DirectoryAccounts {

    /** The password hash of an account whose password is not kept here: never a valid hash. */
    static final String NO_LOCAL_PASSWORD = "!external";

    /** Where an account comes from. */
    enum Source {
        LOCAL,
        LDAP,
        OIDC
    }

    /** An account's origin as stored. */
    record Origin(long userId, String username, Source source, String externalId, Instant lastSyncedAt) {}

    /** A profile read from the directory or the provider. */
    record Profile(
            String username,
            String externalId,
            String displayName,
            String email,
            String phone,
            String unit,
            Long organisationId,
            Set<Role> roles) {}

    /** One sync's result. */
    record SyncResult(
            Instant startedAt,
            Instant finishedAt,
            String startedBy,
            int created,
            int updated,
            int disabled,
            int unchanged,
            String problem) {}

    private final DatabaseClient db;

    DirectoryAccounts(DatabaseClient db) {
        this.db = db;
    }

    Mono<Origin> origin(String username) {
        return db.sql("SELECT id, username, source, external_id, last_synced_at FROM app_user WHERE username = :u")
                .bind("u", username)
                .map(r -> origin(r))
                .one();
    }

    Flux<Origin> bySource(Source source) {
        return db.sql("SELECT id, username, source, external_id, last_synced_at FROM app_user WHERE source = :s"
                        + " ORDER BY username")
                .bind("s", source.name())
                .map(r -> origin(r))
                .all();
    }

    Flux<Origin> all() {
        return db.sql("SELECT id, username, source, external_id, last_synced_at FROM app_user ORDER BY username")
                .map(r -> origin(r))
                .all();
    }

    private static Origin origin(io.r2dbc.spi.Readable r) {
        OffsetDateTime synced = r.get("last_synced_at", OffsetDateTime.class);
        return new Origin(
                ((Number) r.get("id")).longValue(),
                r.get("username", String.class),
                Source.valueOf(r.get("source", String.class)),
                r.get("external_id", String.class),
                synced == null ? null : synced.toInstant());
    }

    /** A new account from {@code source}, enabled, without a local password. */
    Mono<Void> insert(Source source, Profile p, Instant now) {
        GenericExecuteSpec spec = db.sql("INSERT INTO app_user (username, password_hash, display_name, email, phone,"
                        + " unit, organisation_id, roles, enabled, created_at, source, external_id, last_synced_at)"
                        + " VALUES (:username, :hash, :name, :email, :phone, :unit, :org, :roles, TRUE, :now, :source,"
                        + " :ext, :now)")
                .bind("username", p.username())
                .bind("hash", NO_LOCAL_PASSWORD)
                .bind("source", source.name())
                .bind("now", now.atOffset(ZoneOffset.UTC));
        return profile(spec, p).then();
    }

    /** Writes an account's profile as its source has it now and marks it synchronised. */
    Mono<Void> refresh(long id, Profile p, Instant now) {
        GenericExecuteSpec spec = db.sql("UPDATE app_user SET display_name = :name, email = :email, phone = :phone,"
                        + " unit = :unit, organisation_id = :org, roles = :roles, external_id = :ext,"
                        + " last_synced_at = :now WHERE id = :id")
                .bind("id", id)
                .bind("now", now.atOffset(ZoneOffset.UTC));
        return profile(spec, p).then();
    }

    /** Whether {@code p} differs from what is stored (the sync counts it as updated). */
    static boolean differs(UserAccount u, Origin o, Profile p) {
        return !java.util.Objects.equals(u.displayName(), p.displayName())
                || !java.util.Objects.equals(u.email(), p.email())
                || !java.util.Objects.equals(u.phone(), p.phone())
                || !java.util.Objects.equals(u.organisationId(), p.organisationId())
                || !u.roles().equals(p.roles())
                || !java.util.Objects.equals(o.externalId(), p.externalId());
    }

    /** Disables an account whose entry is gone or disabled and ends its sessions; true when it was enabled. */
    Mono<Boolean> disable(long id, Instant now) {
        return db.sql("UPDATE app_user SET enabled = FALSE, last_synced_at = :now WHERE id = :id AND enabled = TRUE")
                .bind("id", id)
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .fetch()
                .rowsUpdated()
                .flatMap(n -> db.sql("DELETE FROM auth_token WHERE user_id = :id")
                        .bind("id", id)
                        .then()
                        .thenReturn(n > 0));
    }

    private static GenericExecuteSpec profile(GenericExecuteSpec spec, Profile p) {
        spec = spec.bind("name", p.displayName())
                .bind("roles", p.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        spec = nullable(spec, "email", p.email());
        spec = nullable(spec, "phone", p.phone());
        spec = nullable(spec, "unit", p.unit());
        spec = nullable(spec, "ext", p.externalId());
        return p.organisationId() == null ? spec.bindNull("org", Long.class) : spec.bind("org", p.organisationId());
    }

    private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    Mono<Void> recordSync(SyncResult s) {
        GenericExecuteSpec spec = db.sql("INSERT INTO directory_sync (started_at, finished_at, started_by, created,"
                        + " updated, disabled, unchanged, problem) VALUES (:s, :f, :by, :c, :u, :d, :n, :p)")
                .bind("s", s.startedAt().atOffset(ZoneOffset.UTC))
                .bind("f", s.finishedAt().atOffset(ZoneOffset.UTC))
                .bind("by", s.startedBy())
                .bind("c", s.created())
                .bind("u", s.updated())
                .bind("d", s.disabled())
                .bind("n", s.unchanged());
        return nullable(spec, "p", s.problem()).then();
    }

    Mono<SyncResult> lastSync() {
        return db.sql("SELECT started_at, finished_at, started_by, created, updated, disabled, unchanged, problem"
                        + " FROM directory_sync ORDER BY id DESC LIMIT 1")
                .map(r -> new SyncResult(
                        r.get("started_at", OffsetDateTime.class).toInstant(),
                        r.get("finished_at", OffsetDateTime.class).toInstant(),
                        r.get("started_by", String.class),
                        r.get("created", Integer.class),
                        r.get("updated", Integer.class),
                        r.get("disabled", Integer.class),
                        r.get("unchanged", Integer.class),
                        r.get("problem", String.class)))
                .one();
    }
}
