package org.kbportal.backend.account;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class UserRepository {

    private static final String COLUMNS =
            "id, username, password_hash, display_name, email, phone, unit, organisation_id, address, roles, enabled,"
                    + " created_at";

    private final DatabaseClient db;

    UserRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<UserAccount> findByUsername(String username) {
        return db.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = :u")
                .bind("u", username)
                .map(UserRepository::user)
                .one();
    }

    Mono<UserAccount> findById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
                .bind("id", id)
                .map(UserRepository::user)
                .one();
    }

    Flux<UserAccount> findAll() {
        return db.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY username")
                .map(UserRepository::user)
                .all();
    }

    Mono<Void> insert(UserAccount u) {
        GenericExecuteSpec spec = db.sql("INSERT INTO app_user (username, password_hash, display_name, email, phone,"
                + " unit, organisation_id, address, roles, enabled, created_at) VALUES (:username, :hash, :name, :email,"
                + " :phone, :unit, :org, :address, :roles, :enabled, :created)");
        return bindProfile(spec, u)
                .bind("username", u.username())
                .bind("hash", u.passwordHash())
                .bind("created", u.createdAt().atOffset(ZoneOffset.UTC))
                .then();
    }

    Mono<Void> update(UserAccount u) {
        GenericExecuteSpec spec = db.sql("UPDATE app_user SET password_hash = :hash, display_name = :name,"
                + " email = :email, phone = :phone, unit = :unit, organisation_id = :org, address = :address,"
                + " roles = :roles,"
                + " enabled = :enabled WHERE id = :id");
        return bindProfile(spec, u)
                .bind("hash", u.passwordHash())
                .bind("id", u.id())
                .then();
    }

    private static GenericExecuteSpec bindProfile(GenericExecuteSpec spec, UserAccount u) {
        spec = spec.bind("name", u.displayName())
                .bind("roles", u.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .bind("enabled", u.enabled());
        spec = nullable(spec, "email", u.email());
        spec = nullable(spec, "phone", u.phone());
        spec = nullable(spec, "unit", u.unit());
        spec = u.organisationId() == null ? spec.bindNull("org", Long.class) : spec.bind("org", u.organisationId());
        return nullable(spec, "address", u.address());
    }

    Mono<Void> insertToken(String hash, long userId, Instant expires) {
        return db.sql("INSERT INTO auth_token (token_hash, user_id, expires_at) VALUES (:h, :u, :e)")
                .bind("h", hash)
                .bind("u", userId)
                .bind("e", expires.atOffset(ZoneOffset.UTC))
                .then();
    }

    Mono<UserAccount> findByToken(String hash, Instant now) {
        return db.sql("SELECT u.id, u.username, u.password_hash, u.display_name, u.email, u.phone, u.unit,"
                        + " u.organisation_id, u.address,"
                        + " u.roles, u.enabled, u.created_at FROM auth_token t JOIN app_user u ON u.id = t.user_id"
                        + " WHERE t.token_hash = :h AND t.expires_at > :now AND u.enabled = TRUE")
                .bind("h", hash)
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .map(UserRepository::user)
                .one();
    }

    /** The account a token belongs to, with its password state (for the forced change). */
    record TokenHolder(UserAccount user, boolean changeRequired, Instant changedAt) {}

    Mono<TokenHolder> findTokenHolder(String hash, Instant now) {
        return db.sql("SELECT u.id, u.username, u.password_hash, u.display_name, u.email, u.phone, u.unit,"
                        + " u.organisation_id, u.address, u.roles, u.enabled, u.created_at,"
                        + " u.password_change_required, u.password_changed_at"
                        + " FROM auth_token t JOIN app_user u ON u.id = t.user_id"
                        + " WHERE t.token_hash = :h AND t.expires_at > :now AND u.enabled = TRUE")
                .bind("h", hash)
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .map(r -> new TokenHolder(user(r), changeRequired(r), changedAt(r)))
                .one();
    }

    /** Whether the account must change its password, and when it was last set. */
    Mono<TokenHolder> passwordState(long userId) {
        return db.sql("SELECT " + COLUMNS
                        + ", password_change_required, password_changed_at FROM app_user WHERE id = :id")
                .bind("id", userId)
                .map(r -> new TokenHolder(user(r), changeRequired(r), changedAt(r)))
                .one();
    }

    private static boolean changeRequired(Readable r) {
        return Boolean.TRUE.equals(r.get("password_change_required", Boolean.class));
    }

    private static Instant changedAt(Readable r) {
        OffsetDateTime at = r.get("password_changed_at", OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /**
     * Stores a newly set password: the hash, whether it must be changed at the next sign-in, when it was set, and
     * one history row (keeping the newest {@code keep}).
     */
    Mono<Void> recordPassword(long userId, String hash, boolean changeRequired, Instant at, int keep) {
        Mono<Void> update = db.sql("UPDATE app_user SET password_hash = :hash, password_change_required = :req,"
                        + " password_changed_at = :at WHERE id = :id")
                .bind("hash", hash)
                .bind("req", changeRequired)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("id", userId)
                .then();
        Mono<Void> history = db.sql(
                        "INSERT INTO password_history (user_id, password_hash, set_at) VALUES (:id, :hash, :at)")
                .bind("id", userId)
                .bind("hash", hash)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .then();
        Mono<Void> prune = db.sql("DELETE FROM password_history WHERE user_id = :id AND id NOT IN (SELECT id FROM"
                        + " password_history WHERE user_id = :id ORDER BY id DESC LIMIT :keep)")
                .bind("id", userId)
                .bind("keep", Math.max(1, keep))
                .then();
        return update.then(history).then(prune);
    }

    /** The newest {@code n} password hashes of an account (the current one first). */
    Flux<String> recentPasswordHashes(long userId, int n) {
        return db.sql("SELECT password_hash FROM password_history WHERE user_id = :id ORDER BY id DESC LIMIT :n")
                .bind("id", userId)
                .bind("n", Math.max(1, n))
                .map(r -> r.get("password_hash", String.class))
                .all();
    }

    /** Ends every login of an account but one (the token that changed the password stays signed in). */
    Mono<Void> deleteTokensOfExcept(long userId, String keptHash) {
        return db.sql("DELETE FROM auth_token WHERE user_id = :u AND token_hash <> :h")
                .bind("u", userId)
                .bind("h", keptHash)
                .then();
    }

    Mono<Void> deleteToken(String hash) {
        return db.sql("DELETE FROM auth_token WHERE token_hash = :h")
                .bind("h", hash)
                .then();
    }

    Mono<Void> deleteTokensOf(long userId) {
        return db.sql("DELETE FROM auth_token WHERE user_id = :u")
                .bind("u", userId)
                .then();
    }

    Mono<Void> deleteExpiredTokens(Instant now) {
        return db.sql("DELETE FROM auth_token WHERE expires_at <= :now")
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .then();
    }

    private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static UserAccount user(Readable r) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(r.get("roles", String.class).split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .forEach(s -> roles.add(Role.valueOf(s)));
        OffsetDateTime created = r.get("created_at", OffsetDateTime.class);
        return new UserAccount(
                ((Number) r.get("id")).longValue(),
                r.get("username", String.class),
                r.get("password_hash", String.class),
                r.get("display_name", String.class),
                r.get("email", String.class),
                r.get("phone", String.class),
                r.get("unit", String.class),
                r.get("organisation_id") == null ? null : ((Number) r.get("organisation_id")).longValue(),
                r.get("address", String.class),
                roles,
                Boolean.TRUE.equals(r.get("enabled", Boolean.class)),
                created == null ? null : created.toInstant());
    }
}
