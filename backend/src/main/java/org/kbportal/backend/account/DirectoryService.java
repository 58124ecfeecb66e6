package org.kbportal.backend.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.kbportal.backend.account.DirectoryAccounts.Origin;
import org.kbportal.backend.account.DirectoryAccounts.Profile;
import org.kbportal.backend.account.DirectoryAccounts.Source;
import org.kbportal.backend.account.DirectoryAccounts.SyncResult;
import org.kbportal.backend.audit.AuditLog;
import org.kbportal.backend.system.KbException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Directory accounts: sign-in through the directory (first sign-in creates the portal account, later
 * ones refresh it), the sync that disables accounts whose entry is gone or disabled and refreshes the
 * others, and the status for admins and the health endpoint. Local accounts never reach the directory:
 * they stay the break-glass path when it is down.
 */
@Service
public class DirectoryService {

    private static final Logger log = LoggerFactory.getLogger(DirectoryService.class);

    /** How a password login is checked. */
    enum Route {
        /** the local password hash */
        LOCAL,
        /** a bind against the directory */
        DIRECTORY,
        /** no password can match (an OIDC account, a directory account while none is configured) */
        NONE
    }

    private final LdapDirectory directory;
    private final DirectoryAccounts accounts;
    private final UserRepository users;
    private final OrganisationService organisations;
    private final AuditLog audit;
    private final LdapSettings settings;
    private final Clock clock;
    private final AtomicBoolean syncing = new AtomicBoolean();

    DirectoryService(
            LdapDirectory directory,
            DirectoryAccounts accounts,
            UserRepository users,
            OrganisationService organisations,
            AuditLog audit,
            LdapSettings settings,
            Clock clock) {
        this.directory = directory;
        this.accounts = accounts;
        this.users = users;
        this.organisations = organisations;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    public boolean configured() {
        return directory.configured();
    }

    /** The route of a typed user name: its account's source, or the directory for names without one. */
    Mono<Route> route(String username) {
        return accounts.origin(username)
                .map(o -> switch (o.source()) {
                    case LOCAL -> Route.LOCAL;
                    case LDAP -> configured() ? Route.DIRECTORY : Route.NONE;
                    case OIDC -> Route.NONE;
                })
                .defaultIfEmpty(configured() ? Route.DIRECTORY : Route.LOCAL);
    }

    /**
     * The account of a directory user whose password the directory accepted (created or refreshed now),
     * empty for a wrong password, an unknown or disabled entry or a disabled account; {@code 503
     * urn:kb:directory-unavailable} when the directory cannot answer.
     */
    Mono<Optional<UserAccount>> signIn(String username, String password) {
        return Mono.fromCallable(() -> directory.authenticate(username, password))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(LdapDirectory.Unavailable.class, DirectoryService::unavailable)
                .flatMap(entry -> {
                    if (entry.isEmpty()) {
                        return Mono.just(Optional.<UserAccount>empty());
                    }
                    if (entry.get().disabled()) {
                        return disableIfKnown(entry.get().username()).thenReturn(Optional.<UserAccount>empty());
                    }
                    return upsert(entry.get(), clock.instant())
                            .map(u -> u.enabled() ? Optional.of(u) : Optional.<UserAccount>empty())
                            .defaultIfEmpty(Optional.empty());
                });
    }

    static KbException unavailable(LdapDirectory.Unavailable e) {
        return new KbException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "directory-unavailable",
                "Directory unavailable",
                "The organisation's directory cannot check this sign-in now; try again later or ask an"
                        + " administrator. Local accounts still work.",
                Map.of("problem", e.kind()));
    }

    private Mono<Void> disableIfKnown(String username) {
        return accounts.origin(username)
                .filter(o -> o.source() == Source.LDAP)
                .flatMap(o -> accounts.disable(o.userId(), clock.instant()))
                .then();
    }

    /** Creates or refreshes the account of an entry; empty when the name belongs to a local or OIDC account. */
    private Mono<UserAccount> upsert(LdapDirectory.Entry e, Instant now) {
        return profile(e)
                .flatMap(p -> accounts.origin(p.username())
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(origin -> {
                            if (origin.isEmpty()) {
                                return accounts.insert(Source.LDAP, p, now).then(users.findByUsername(p.username()));
                            }
                            if (origin.get().source() != Source.LDAP) {
                                log.warn(
                                        "Directory user '{}' has the name of a {} account; not used",
                                        p.username(),
                                        origin.get().source());
                                return Mono.empty();
                            }
                            return accounts.refresh(origin.get().userId(), p, now)
                                    .then(users.findByUsername(p.username()));
                        }));
    }

    private Mono<Profile> profile(LdapDirectory.Entry e) {
        Mono<Optional<Organisation>> org = e.organisation() == null
                ? Mono.just(Optional.empty())
                : organisations.resolve(e.organisation()).map(Optional::of).onErrorResume(KbException.class, x -> {
                    log.warn("Directory organisation '{}' not mapped: {}", e.organisation(), x.getMessage());
                    return Mono.just(Optional.empty());
                });
        return org.map(o -> new Profile(
                clip(e.username(), 64),
                e.dn(),
                clip(e.displayName(), 100),
                clip(e.email(), 200),
                clip(e.phone(), 50),
                o.map(Organisation::name).orElse(null),
                o.map(Organisation::id).orElse(null),
                e.roles()));
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * Compares every directory account with the directory: gone or disabled entries disable the account
     * (and end its sessions), the others are refreshed; with {@code kb.ldap.create-on-sync} directory users
     * without an account get one. One sync at a time ({@code 409 urn:kb:directory-sync-running}); a
     * directory that cannot answer ends it with {@code 503 urn:kb:directory-unavailable}, the result
     * recorded with the problem.
     */
    public Mono<SyncResult> sync(String actor) {
        if (!configured()) {
            return Mono.error(KbException.conflict(
                    "directory-not-configured", "No directory is configured (set SPRING_LDAP_URLS)."));
        }
        if (!syncing.compareAndSet(false, true)) {
            return Mono.error(KbException.conflict("directory-sync-running", "A directory sync is running."));
        }
        Instant started = clock.instant();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger updated = new AtomicInteger();
        AtomicInteger disabled = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        Set<String> seen = new HashSet<>();
        Mono<Void> existing = accounts.bySource(Source.LDAP)
                .concatMap(o -> {
                    seen.add(o.username());
                    return syncOne(o, created, updated, disabled, unchanged);
                })
                .then();
        Mono<Void> fresh = !settings.createOnSync()
                ? Mono.empty()
                : Mono.fromCallable(directory::all)
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMapMany(Flux::fromIterable)
                        .filter(e -> !e.disabled() && !seen.contains(e.username()))
                        .concatMap(e -> accounts.origin(e.username())
                                .hasElement()
                                .flatMap(has -> has
                                        ? Mono.<Void>empty()
                                        : upsert(e, clock.instant())
                                                .doOnNext(u -> created.incrementAndGet())
                                                .then()))
                        .then();
        return existing.then(fresh)
                .then(Mono.defer(() -> finish(started, actor, created, updated, disabled, unchanged, null)))
                .onErrorResume(
                        LdapDirectory.Unavailable.class,
                        e -> finish(
                                        started,
                                        actor,
                                        created,
                                        updated,
                                        disabled,
                                        unchanged,
                                        e.kind() + ": " + e.getMessage())
                                .then(Mono.error(unavailable(e))))
                .doFinally(s -> syncing.set(false));
    }

    private Mono<Void> syncOne(
            Origin o, AtomicInteger created, AtomicInteger updated, AtomicInteger disabled, AtomicInteger unchanged) {
        Instant now = clock.instant();
        return Mono.fromCallable(() -> directory.find(o.username()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(entry -> {
                    if (entry.isEmpty() || entry.get().disabled()) {
                        return accounts.disable(o.userId(), now)
                                .doOnNext(was -> (was ? disabled : unchanged).incrementAndGet())
                                .then();
                    }
                    return profile(entry.get())
                            .flatMap(p -> users.findById(o.userId()).flatMap(u -> {
                                (DirectoryAccounts.differs(u, o, p) ? updated : unchanged).incrementAndGet();
                                return accounts.refresh(o.userId(), p, now);
                            }));
                });
    }

    private Mono<SyncResult> finish(
            Instant started,
            String actor,
            AtomicInteger created,
            AtomicInteger updated,
            AtomicInteger disabled,
            AtomicInteger unchanged,
            String problem) {
        SyncResult r = new SyncResult(
                started,
                clock.instant(),
                actor,
                created.get(),
                updated.get(),
                disabled.get(),
                unchanged.get(),
                problem);
        Mono<Void> audited = "system".equals(actor)
                ? audit.record(
                        null,
                        "directory.sync",
                        null,
                        problem == null ? 200 : 503,
                        "scheduled: created " + r.created() + ", updated " + r.updated() + ", disabled " + r.disabled()
                                + (problem == null ? "" : "; " + problem),
                        null)
                : Mono.empty(); // an admin's sync is audited by the web filter
        return accounts.recordSync(r).then(audited).thenReturn(r);
    }

    /** A configuration problem found by connecting: kind and text; the kinds are LdapDirectory.Unavailable's. */
    public record Problem(String kind, String message) {}

    /** The directory as the admin page and the health endpoint show it. */
    public record Status(
            boolean configured,
            String urls,
            Boolean reachable,
            Problem problem,
            Duration syncInterval,
            boolean createOnSync,
            SyncResult lastSync,
            Map<Source, Long> accounts) {}

    public Mono<Status> status() {
        Mono<Optional<Problem>> check = !configured()
                ? Mono.just(Optional.empty())
                : Mono.fromCallable(() -> directory.check().map(u -> new Problem(u.kind(), u.getMessage())))
                        .subscribeOn(Schedulers.boundedElastic())
                        .timeout(
                                Duration.ofSeconds(15),
                                Mono.just(Optional.of(
                                        new Problem("unreachable", "The directory did not answer within 15 s."))));
        Mono<Map<Source, Long>> counts = accounts.all()
                .collect(java.util.stream.Collectors.groupingBy(
                        Origin::source,
                        () -> new java.util.EnumMap<>(Source.class),
                        java.util.stream.Collectors.counting()));
        return Mono.zip(check, counts, accounts.lastSync().map(Optional::of).defaultIfEmpty(Optional.empty()))
                .map(t -> new Status(
                        configured(),
                        configured() ? directory.urls() : null,
                        configured() ? t.getT1().isEmpty() : null,
                        t.getT1().orElse(null),
                        settings.syncInterval(),
                        settings.createOnSync(),
                        t.getT3().orElse(null),
                        t.getT2()));
    }

    /** Origins of all accounts by user id (the admin user list shows them). */
    public Mono<Map<Long, Origin>> origins() {
        return accounts.all().collectMap(Origin::userId);
    }

    /** {@code 409 urn:kb:external-account} for an account whose password is not kept here. */
    Mono<Void> requireLocalPassword(long userId) {
        return accounts.all()
                .filter(o -> o.userId() == userId && o.source() != Source.LOCAL)
                .next()
                .flatMap(o -> Mono.error(KbException.conflict(
                        "external-account",
                        "The password of '" + o.username() + "' is kept by its " + o.source()
                                + " source, not by the portal.")));
    }
}
