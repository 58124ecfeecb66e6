package org.kbportal.backend.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kbportal.backend.audit.AuditLog;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Password login with brute-force protection. Each attempt is charged to the typed user name and to
 * the client address before the password is checked ({@link LoginThrottle}, shared by all instances);
 * after {@code backoff-after} failures an account waits longer before each attempt, after {@code
 * max-failures} it is locked for {@code lock-duration} (an address after {@code address-max-failures});
 * refused attempts are answered 429 with {@code Retry-After} without a password check. Unknown names
 * are throttled and checked exactly like real ones, so neither the answer nor its time tells them
 * apart. The audit log gets the first failure of a window, the lock and the success (with the count
 * of failures before it), not every attempt; the typed name only when such a user exists.
 */
@Service
public class LoginService {

    private final AccountService accounts;
    private final UserRepository users;
    private final LoginThrottle throttle;
    private final PasswordChecks checks;
    private final AuditLog audit;
    private final KbProperties.Login settings;
    private final Clock clock;
    private final DirectoryService directory;
    private final MfaService mfa;

    LoginService(
            AccountService accounts,
            UserRepository users,
            LoginThrottle throttle,
            PasswordChecks checks,
            AuditLog audit,
            KbProperties props,
            Clock clock,
            DirectoryService directory,
            MfaService mfa) {
        this.directory = directory;
        this.mfa = mfa;
        this.accounts = accounts;
        this.users = users;
        this.throttle = throttle;
        this.checks = checks;
        this.audit = audit;
        this.settings = props.login();
        this.clock = clock;
    }

    /** Logs in from {@code address}; 401, 429 (throttled or locked) or 503 (checks busy) problems. */
    public Mono<AccountService.Login> login(String typed, String password, String address) {
        return verify(typed, password, address)
                .flatMap(v -> mfa.challenge(v.user())
                        // an enrolled account gets the second step (mfaToken) instead of a login token
                        .flatMap(t -> audit.record(
                                        v.user().username(),
                                        "auth.mfa-pending",
                                        null,
                                        200,
                                        "password accepted",
                                        address)
                                .thenReturn(new AccountService.Login(null, v.user(), null, t)))
                        .switchIfEmpty(Mono.defer(() -> issue(
                                v.user(),
                                address,
                                v.failuresBefore() > 0 ? "after " + v.failuresBefore() + " failed attempts" : null))));
    }

    /** A checked password: its account and the failed attempts before it. */
    record Verified(UserAccount user, int failuresBefore) {}

    /**
     * Checks a user name and password exactly as a login does (throttle, lock, audit of failures), without
     * issuing a token: the login itself, and the current password of a self-service change.
     */
    Mono<Verified> verify(String typed, String password, String address) {
        String name = typed == null ? "" : typed.strip();
        String account = accountKey(name);
        String from = "address:" + (address == null ? "unknown" : address);
        return charged(account, from, (a, ip) -> check(name, password, address, account, a, from, ip));
    }

    /**
     * Charges one attempt to the account and to the address and runs {@code attempt} with both charges;
     * 429 without running it when either is throttled or locked.
     */
    private <T> Mono<T> charged(
            String account,
            String from,
            java.util.function.BiFunction<LoginThrottle.Charge, LoginThrottle.Charge, Mono<T>> attempt) {
        Instant now = clock.instant();
        return throttle.charge(account, settings.maxFailures(), settings.failureWindow(), now)
                .flatMap(a -> {
                    if (!a.allowed()) {
                        return Mono.error(refused(a, "This account"));
                    }
                    return throttle.charge(from, settings.addressMaxFailures(), settings.failureWindow(), now)
                            .flatMap(ip -> ip.allowed()
                                    ? attempt.apply(a, ip)
                                    : throttle.refund(account).then(Mono.error(refused(ip, "Your address"))));
                });
    }

    private Mono<Verified> check(
            String name,
            String password,
            String address,
            String account,
            LoginThrottle.Charge a,
            String from,
            LoginThrottle.Charge ip) {
        return users.findByUsername(name)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .zipWith(directory.route(name))
                .flatMap(t -> {
                    Optional<UserAccount> user = t.getT1();
                    if (t.getT2() == DirectoryService.Route.DIRECTORY) {
                        // the directory checks the password; its outage is nobody's failed attempt
                        return directory
                                .signIn(name, password)
                                .onErrorResume(
                                        KbException.class,
                                        down -> throttle.refund(account)
                                                .then(throttle.refund(from))
                                                .then(Mono.error(down)))
                                .flatMap(signedIn -> signedIn.isPresent()
                                        ? succeeded(signedIn.get(), account, a, from)
                                        : failed(
                                                user.isPresent() ? name : null,
                                                address,
                                                account,
                                                a,
                                                from,
                                                ip,
                                                badCredentials()));
                    }
                    String hash = user.filter(UserAccount::enabled)
                            .filter(u -> t.getT2() == DirectoryService.Route.LOCAL)
                            .map(UserAccount::passwordHash)
                            .orElse(null);
                    return checks.matches(password, hash)
                            .onErrorResume(
                                    KbException.class,
                                    busy -> throttle.refund(account)
                                            .then(throttle.refund(from))
                                            .then(Mono.error(busy)))
                            .flatMap(ok -> ok
                                    ? succeeded(user.orElseThrow(), account, a, from)
                                    : failed(
                                            user.isPresent() ? name : null,
                                            address,
                                            account,
                                            a,
                                            from,
                                            ip,
                                            badCredentials()));
                });
    }

    private Mono<Verified> succeeded(UserAccount user, String account, LoginThrottle.Charge a, String from) {
        int before = a.failures() - 1;
        Instant now = clock.instant();
        return throttle.clear(account)
                .then(throttle.refund(from))
                .then(throttle.deleteStale(now.minus(settings.failureWindow()), now))
                .thenReturn(new Verified(user, before));
    }

    private Mono<AccountService.Login> issue(UserAccount user, String address, String details) {
        return accounts.issueToken(user)
                .flatMap(l -> audit.record(user.username(), "auth.login", null, 200, details, address)
                        .thenReturn(l));
    }

    /**
     * The second step of a login: {@code code} (TOTP or a recovery code) for the pending {@code mfaToken}.
     * Charged to the same throttle as passwords (account and address), so wrong codes lead to back-off and
     * the lock like wrong passwords; each wrong code is audited. The mfaToken is used up by the success.
     */
    public Mono<AccountService.Login> secondStep(String mfaToken, String code, String address) {
        String from = "address:" + (address == null ? "unknown" : address);
        return mfa.challengedUser(mfaToken).flatMap(users::findById).flatMap(user -> {
            String account = accountKey(user.username());
            return charged(
                    account,
                    from,
                    (a, ip) -> mfa.check(user.id(), code)
                            .flatMap(ok -> ok
                                    ? mfa.consume(mfaToken)
                                            .flatMap(first -> first
                                                    ? throttle.clear(account)
                                                            .then(throttle.refund(from))
                                                            .then(issue(user, address, "second factor"))
                                                    : Mono.error(MfaService.invalidCode()))
                                    : audit.record(
                                                    null,
                                                    "auth.mfa-failed",
                                                    user.username(),
                                                    401,
                                                    "wrong or reused second-factor code",
                                                    address)
                                            .then(failed(
                                                    user.username(), address, account, a, from, ip, wrongCode()))));
        });
    }

    private static KbException wrongCode() {
        return new KbException(
                HttpStatus.UNAUTHORIZED,
                "mfa-code-invalid",
                "Wrong code",
                "The code is wrong or was already used; enter the current code from your app or a recovery code.");
    }

    private static KbException badCredentials() {
        return new KbException(
                HttpStatus.UNAUTHORIZED, "bad-credentials", "Login failed", "Unknown user name or wrong password.");
    }

    private <T> Mono<T> failed(
            String known,
            String address,
            String account,
            LoginThrottle.Charge a,
            String from,
            LoginThrottle.Charge ip,
            KbException answer) {
        Instant now = clock.instant();
        Duration backoff = a.failures() >= settings.backoffAfter() ? backoff(a.failures()) : null;
        Mono<Void> first = a.failures() == 1
                ? audit.record(
                        null,
                        "auth.login-failed",
                        known,
                        401,
                        known == null
                                ? "unknown user name (not recorded); further failures are counted, not listed"
                                : "further failures of this account are counted, not listed",
                        address)
                : Mono.empty();
        Mono<Void> accountLock = throttle.failed(account, settings.maxFailures(), backoff, settings.lockDuration(), now)
                .flatMap(locked -> locked
                        ? audit.record(
                                null,
                                "auth.locked",
                                known,
                                401,
                                a.failures() + " failed logins" + (known == null ? " (unknown user name)" : "")
                                        + "; locked for " + settings.lockDuration(),
                                address)
                        : Mono.empty());
        Mono<Void> addressLock = throttle.failed(
                        from, settings.addressMaxFailures(), null, settings.lockDuration(), now)
                .flatMap(locked -> locked
                        ? audit.record(
                                null,
                                "auth.address-locked",
                                address,
                                401,
                                ip.failures() + " failed logins from this address; locked for "
                                        + settings.lockDuration(),
                                address)
                        : Mono.empty());
        return first.then(accountLock).then(addressLock).then(Mono.error(answer));
    }

    /** Lifts an account's lock and forgets its failures; false when it had none. */
    public Mono<Boolean> unlock(String username) {
        return throttle.clear(accountKey(username.strip()));
    }

    /** The wait after the n-th failure: base, 2 × base, 4 × base, ... at most the lock duration. */
    Duration backoff(int failures) {
        int doublings = Math.min(20, Math.max(0, failures - settings.backoffAfter()));
        Duration d = settings.backoffBase().multipliedBy(1L << doublings);
        return d.compareTo(settings.lockDuration()) > 0 ? settings.lockDuration() : d;
    }

    private static KbException refused(LoginThrottle.Charge c, String who) {
        long seconds = Math.max(1, (c.retryAfter().toMillis() + 999) / 1000);
        return new KbException(
                        HttpStatus.TOO_MANY_REQUESTS,
                        c.locked() ? "login-locked" : "login-throttled",
                        c.locked() ? "Login locked" : "Too many failed logins",
                        who
                                + (c.locked()
                                        ? " is locked after too many failed logins"
                                        : " must wait before trying again")
                                + "; try again in " + seconds + " s.",
                        Map.of("retryAfterSeconds", seconds))
                .header("Retry-After", String.valueOf(seconds));
    }

    /** The throttle key of a user name: a hash, so a password typed as a name is never stored. */
    static String accountKey(String name) {
        return "user:" + AccountService.hash(name.toLowerCase(Locale.ROOT));
    }
}
