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
import org.springframework.http.HttpStatus;
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
    private final OrganisationService organisations;
    private final PasswordPolicy policy;

    AccountService(
            UserRepository users,
            PasswordEncoder encoder,
            KbProperties props,
            Clock clock,
            OrganisationService organisations,
            PasswordPolicy policy) {
        this.users = users;
        this.policy = policy;
        this.organisations = organisations;
        this.encoder = encoder;
        this.props = props;
        this.clock = clock;
    }

    /**
     * A login: the token and the user it belongs to; or, for an account with a second factor, no token
     * but the {@code mfaToken} of the pending second step ({@link LoginService#secondStep}).
     */
    public record Login(String token, UserAccount user, Instant expiresAt, String mfaToken) {

        public Login(String token, UserAccount user, Instant expiresAt) {
            this(token, user, expiresAt, null);
        }
    }

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

    /** A token's principal and whether it must change its password before anything else. */
    record Authenticated(KbPrincipal principal, boolean passwordChangeRequired) {}

    Mono<Authenticated> authenticateRequest(String token) {
        Instant now = clock.instant();
        return users.findTokenHolder(hash(token), now)
                .map(h -> new Authenticated(
                        new KbPrincipal(
                                h.user().id(),
                                h.user().username(),
                                h.user().displayName(),
                                h.user().roles()),
                        h.changeRequired() || policy.expired(h.changedAt(), now)));
    }

    /** Whether the account must change its password (set by an administrator, or older than the maximum age). */
    Mono<Boolean> passwordChangeRequired(long userId) {
        return users.passwordState(userId)
                .map(h -> h.changeRequired() || policy.expired(h.changedAt(), clock.instant()));
    }

    /**
     * Sets the caller's own password (the current one was checked by {@link LoginService#verify}); the policy and
     * the history apply, the forced change ends, and every other login of the account ends.
     */
    Mono<Void> changeOwnPassword(long userId, String newPassword, String currentToken) {
        return byId(userId)
                .flatMap(u -> checked(u, newPassword))
                .flatMap(hash -> users.recordPassword(userId, hash, false, clock.instant(), policy.history())
                        .then(users.deleteTokensOfExcept(userId, hash(currentToken))));
    }

    /** The hash of a new password for {@code u}, or a {@code 400 urn:kb:weak-password} naming the broken rules. */
    private Mono<String> checked(UserAccount u, String password) {
        java.util.List<PasswordPolicy.Violation> broken = policy.violations(u.username(), password);
        Mono<Boolean> reused = policy.history() <= 0 || u.id() == 0
                ? Mono.just(false)
                : users.recentPasswordHashes(u.id(), policy.history())
                        .concatWith(Mono.justOrEmpty(u.passwordHash()))
                        .collectList()
                        .flatMap(hashes -> Mono.fromCallable(
                                        () -> hashes.stream().anyMatch(h -> encoder.matches(password, h)))
                                .subscribeOn(Schedulers.boundedElastic()));
        return reused.flatMap(again -> {
            java.util.List<PasswordPolicy.Violation> all = new java.util.ArrayList<>(broken);
            if (again) {
                all.add(policy.reused());
            }
            if (!all.isEmpty()) {
                return Mono.error(weak(all));
            }
            return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
        });
    }

    private KbException weak(java.util.List<PasswordPolicy.Violation> broken) {
        return new KbException(
                HttpStatus.BAD_REQUEST,
                "weak-password",
                "Password not accepted",
                "The password breaks these rules: "
                        + String.join(
                                "; ",
                                broken.stream()
                                        .map(PasswordPolicy.Violation::message)
                                        .toList()) + ".",
                java.util.Map.of(
                        "violations",
                        broken.stream().map(PasswordPolicy.Violation::rule).toList(),
                        "minLength",
                        policy.minLength(),
                        "minClasses",
                        policy.minClasses(),
                        "history",
                        policy.history()));
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
            Long organisationId,
            String address,
            Set<Role> roles) {}

    /**
     * Creates a user; the organisation is {@code organisationId}, or for older clients the record named
     * {@code unit} (created when there is none).
     */
    public Mono<UserAccount> create(NewUser n) {
        return create(n, true, policy.changeAfterAdminSet());
    }

    /**
     * Creates a first-start account ({@link AccountSeeder}): its password comes from the README (demo) or the
     * environment (prod, where it must be changed at the first sign-in), not from the policy.
     */
    Mono<UserAccount> seed(NewUser n, boolean changeRequired) {
        return create(n, false, changeRequired);
    }

    private Mono<UserAccount> create(NewUser n, boolean checkPolicy, boolean changeRequired) {
        KbException conflict = roleConflict(n.roles());
        if (conflict != null) {
            return Mono.error(conflict);
        }
        java.util.List<PasswordPolicy.Violation> broken =
                checkPolicy ? policy.violations(n.username(), n.password()) : java.util.List.of();
        if (!broken.isEmpty()) {
            return Mono.error(weak(broken));
        }
        return users.findByUsername(n.username())
                .flatMap(x -> Mono.<UserAccount>error(
                        KbException.conflict("user-exists", "User name '" + n.username() + "' is taken.")))
                .switchIfEmpty(organisation(n.organisationId(), n.unit(), null)
                        .flatMap(org -> Mono.fromCallable(() -> encoder.encode(n.password()))
                                .subscribeOn(Schedulers.boundedElastic())
                                .flatMap(hash -> users.insert(new UserAccount(
                                                0,
                                                n.username(),
                                                hash,
                                                n.displayName(),
                                                n.email(),
                                                n.phone(),
                                                org.name(),
                                                org.id(),
                                                n.address(),
                                                n.roles(),
                                                true,
                                                clock.instant()))
                                        .then(users.findByUsername(n.username()))
                                        .flatMap(created -> users.recordPassword(
                                                        created.id(),
                                                        hash,
                                                        changeRequired,
                                                        clock.instant(),
                                                        policy.history())
                                                .thenReturn(created)))));
    }

    /** An organisation reference as stored: both null when there is none. */
    private record OrgRef(Long id, String name) {}

    /**
     * The organisation a request names: {@code id} wins (a {@code unit} given as well must be its
     * name), a blank {@code unit} means none, a name is resolved to its record; neither keeps {@code
     * current}.
     */
    private Mono<OrgRef> organisation(Long id, String unit, OrgRef current) {
        if (id != null) {
            return organisations
                    .byId(id)
                    .onErrorMap(
                            KbException.class,
                            e -> KbException.badRequest("unknown-organisation", "No organisation with id " + id + "."))
                    .flatMap(o -> unit != null && !unit.isBlank() && !OrganisationService.sameName(o.name(), unit)
                            ? Mono.error(KbException.badRequest(
                                    "organisation-mismatch",
                                    "unit '" + unit + "' is not the name of organisation " + id + "."))
                            : Mono.just(new OrgRef(o.id(), o.name())));
        }
        if (unit == null) {
            return Mono.just(current == null ? new OrgRef(null, null) : current);
        }
        if (unit.isBlank()) {
            return Mono.just(new OrgRef(null, null));
        }
        return organisations.resolve(unit).map(o -> new OrgRef(o.id(), o.name()));
    }

    /** Changes to a profile; a null password keeps the old one. */
    public record ProfileChange(
            String password,
            String displayName,
            String email,
            String phone,
            String unit,
            Long organisationId,
            String address,
            Set<Role> roles,
            Boolean enabled) {}

    public Mono<UserAccount> update(long id, ProfileChange c) {
        return update(id, c, null);
    }

    /**
     * Changes a profile on behalf of {@code actorId} (null: the system): nobody changes their own roles ({@code 403
     * urn:kb:own-roles}), and the resulting roles must keep the duties separated ({@code 409 urn:kb:role-conflict}).
     */
    public Mono<UserAccount> update(long id, ProfileChange c, Long actorId) {
        return byId(id).flatMap(u -> {
                    if (c.roles() != null
                            && actorId != null
                            && actorId == id
                            && !c.roles().equals(u.roles())) {
                        return Mono.error(new KbException(
                                HttpStatus.FORBIDDEN,
                                "own-roles",
                                "Forbidden",
                                "Nobody can change their own roles; another security administrator must do it."));
                    }
                    KbException conflict = roleConflict(c.roles() == null ? u.roles() : c.roles());
                    return conflict != null ? Mono.error(conflict) : Mono.just(u);
                })
                .flatMap(u -> organisation(c.organisationId(), c.unit(), new OrgRef(u.organisationId(), u.unit()))
                        .flatMap(org -> {
                            Mono<String> hash = c.password() == null
                                    ? Mono.just(u.passwordHash())
                                    : Mono.fromCallable(() -> encoder.encode(c.password()))
                                            .subscribeOn(Schedulers.boundedElastic());
                            return hash.flatMap(h -> {
                                UserAccount next = new UserAccount(
                                        u.id(),
                                        u.username(),
                                        h,
                                        c.displayName() == null ? u.displayName() : c.displayName(),
                                        c.email() == null ? u.email() : c.email(),
                                        c.phone() == null ? u.phone() : c.phone(),
                                        org.name(),
                                        org.id(),
                                        c.address() == null ? u.address() : c.address(),
                                        c.roles() == null ? u.roles() : c.roles(),
                                        c.enabled() == null ? u.enabled() : c.enabled(),
                                        u.createdAt());
                                Mono<Void> revoke = (c.password() != null || Boolean.FALSE.equals(c.enabled()))
                                        ? users.deleteTokensOf(id)
                                        : Mono.empty();
                                // a password an administrator set is changed by its owner at the next sign-in
                                Mono<Void> recorded = c.password() == null
                                        ? Mono.empty()
                                        : users.recordPassword(
                                                id,
                                                h,
                                                policy.changeAfterAdminSet() && (actorId == null || actorId != id),
                                                clock.instant(),
                                                policy.history());
                                return users.update(next)
                                        .then(recorded)
                                        .then(revoke)
                                        .thenReturn(next);
                            });
                        }));
    }

    /** The problem for roles that join separated duties (ADMIN with SECURITY_ADMIN or AUDITOR), else null. */
    static KbException roleConflict(Set<Role> roles) {
        java.util.List<String> conflicts = Role.conflicts(roles);
        if (conflicts.isEmpty()) {
            return null;
        }
        return new KbException(
                HttpStatus.CONFLICT,
                "role-conflict",
                "Separated duties",
                "No account may hold ADMIN together with SECURITY_ADMIN or AUDITOR: " + String.join(", ", conflicts)
                        + ".",
                java.util.Map.of("conflicts", conflicts));
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
