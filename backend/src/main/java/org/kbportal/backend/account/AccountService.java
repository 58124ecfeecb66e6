package org.kbportal.backend.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Users, passwords and login tokens. Tokens are random, shown to the client once and stored only as
 * a SHA-256 hash, so several backend instances share them through the database.
 */
@Service
public class AccountService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final KbProperties props;
    private final Clock clock;

    AccountService(UserRepository users, PasswordEncoder encoder, KbProperties props, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.props = props;
        this.clock = clock;
    }

    /** A login: the token and the user it belongs to. */
    public record Login(String token, UserAccount user, Instant expiresAt) {}

    /** A new login token for a user whose password was checked ({@link LoginService}). */
    Mono<Login> issueToken(UserAccount u) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expires = clock.instant().plus(props.auth().tokenTtl());
        return users.deleteExpiredTokens(clock.instant())
                .then(users.insertToken(hash(token), u.id(), expires))
                .thenReturn(new Login(token, u, expires));
    }

    public Mono<Void> logout(String token) {
        return users.deleteToken(hash(token));
    }

    /** The principal a token stands for, or empty when it is unknown or expired. */
    public Mono<KbPrincipal> authenticate(String token) {
        return users.findByToken(hash(token), clock.instant())
                .map(u -> new KbPrincipal(u.id(), u.username(), u.displayName(), u.roles()));
    }

    public Flux<UserAccount> all() {
        return users.findAll();
    }

    public Mono<UserAccount> byId(long id) {
        return users.findById(id).switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    public Mono<UserAccount> byUsername(String username) {
        return users.findByUsername(username)
                .switchIfEmpty(Mono.error(() -> KbException.notFound("user-not-found", "No user '" + username + "'.")));
    }

    /** A new profile; fails with 409 when the user name is taken. */
    public record NewUser(
            String username,
            String password,
            String displayName,
            String email,
            String phone,
            String unit,
            String address,
            Set<Role> roles) {}

    public Mono<UserAccount> create(NewUser n) {
        return users.findByUsername(n.username())
                .flatMap(x -> Mono.<UserAccount>error(
                        KbException.conflict("user-exists", "User name '" + n.username() + "' is taken.")))
                .switchIfEmpty(Mono.fromCallable(() -> encoder.encode(n.password()))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(hash -> users.insert(new UserAccount(
                                0,
                                n.username(),
                                hash,
                                n.displayName(),
                                n.email(),
                                n.phone(),
                                n.unit(),
                                n.address(),
                                n.roles(),
                                true,
                                clock.instant())))
                        .then(users.findByUsername(n.username())));
    }

    /** Changes to a profile; a null password keeps the old one. */
    public record ProfileChange(
            String password,
            String displayName,
            String email,
            String phone,
            String unit,
            String address,
            Set<Role> roles,
            Boolean enabled) {}

    public Mono<UserAccount> update(long id, ProfileChange c) {
        return byId(id).flatMap(u -> {
            Mono<String> hash = c.password() == null
                    ? Mono.just(u.passwordHash())
                    : Mono.fromCallable(() -> encoder.encode(c.password())).subscribeOn(Schedulers.boundedElastic());
            return hash.flatMap(h -> {
                UserAccount next = new UserAccount(
                        u.id(),
                        u.username(),
                        h,
                        c.displayName() == null ? u.displayName() : c.displayName(),
                        c.email() == null ? u.email() : c.email(),
                        c.phone() == null ? u.phone() : c.phone(),
                        c.unit() == null ? u.unit() : c.unit(),
                        c.address() == null ? u.address() : c.address(),
                        c.roles() == null ? u.roles() : c.roles(),
                        c.enabled() == null ? u.enabled() : c.enabled(),
                        u.createdAt());
                Mono<Void> revoke = (c.password() != null || Boolean.FALSE.equals(c.enabled()))
                        ? users.deleteTokensOf(id)
                        : Mono.empty();
                return users.update(next).then(revoke).thenReturn(next);
            });
        });
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KbException notFound(long id) {
        return KbException.notFound("user-not-found", "No user with id " + id + ".");
    }
}
