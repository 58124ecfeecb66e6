package org.kbportal.backend.duty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.kbportal.backend.account.AccountService;
import org.kbportal.backend.account.Role;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.kbportal.contract.duty.Tier;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Experts, their weekly shifts and date overrides, and who is on duty now. */
@Service
public class DutyService {

    /** How far ahead {@link #nextOnDuty} looks. */
    public static final int LOOK_AHEAD_DAYS = 14;

    private final DutyRepository repo;
    private final AccountService accounts;
    private final KbProperties props;
    private final Clock clock;

    DutyService(DutyRepository repo, AccountService accounts, KbProperties props, Clock clock) {
        this.repo = repo;
        this.accounts = accounts;
        this.props = props;
        this.clock = clock;
    }

    public Flux<Expert> experts() {
        return repo.experts();
    }

    /** The expert record of a user, or a 404 problem. */
    public Mono<Expert> expert(long userId) {
        return repo.expert(userId)
                .switchIfEmpty(Mono.error(() -> KbException.notFound(
                        "expert-not-found", "User " + userId + " is not registered as an expert.")));
    }

    /** The expert record of a user, or empty when the user is no expert. */
    public Mono<Expert> findExpert(long userId) {
        return repo.expert(userId);
    }

    /** Whether the user acts as an expert now (see {@link Expert#active()}). */
    public Mono<Boolean> isActiveExpert(long userId) {
        return repo.expert(userId).map(Expert::active).defaultIfEmpty(false);
    }

    /** Registers a user with the EXPERT role as an expert, or changes the registration. */
    public Mono<Expert> save(
            long userId, Tier tier, List<String> skills, int maxLoad, String organisation, boolean active) {
        return accounts.byId(userId).flatMap(u -> {
            if (!u.roles().contains(Role.EXPERT)) {
                return Mono.error(KbException.badRequest(
                        "not-an-expert", "User '" + u.username() + "' needs the EXPERT role first."));
            }
            Expert e = new Expert(
                    userId,
                    u.username(),
                    u.displayName(),
                    u.email(),
                    tier,
                    skills.stream()
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .distinct()
                            .toList(),
                    maxLoad,
                    organisation,
                    active);
            return repo.updateExpert(e)
                    .flatMap(n -> n > 0 ? Mono.<Void>empty() : repo.insertExpert(e))
                    .then(repo.expert(userId));
        });
    }

    /** Active experts on duty at {@code at}, by the roster (templates and overrides). */
    public Flux<Expert> onDutyAt(Instant at) {
        LocalDate date = at.atZone(props.questions().zone()).toLocalDate();
        return Mono.zip(
                        repo.shifts().collectList(),
                        repo.overrides(date.minusDays(1), date).collectList())
                .map(t -> new DutyRoster(props.questions().zone(), t.getT1(), t.getT2()).onDuty(at))
                .flatMapMany(ids -> repo.experts().filter(e -> e.active() && ids.contains(e.userId())));
    }

    /**
     * When the first of {@code who} (active experts) next comes on duty after {@code after}, looking
     * at most {@link #LOOK_AHEAD_DAYS} days ahead; empty when none of them does.
     */
    public Mono<Optional<Instant>> nextOnDuty(Predicate<Expert> who, Instant after) {
        LocalDate date = after.atZone(props.questions().zone()).toLocalDate();
        return Mono.zip(
                        repo.experts()
                                .filter(e -> e.active() && who.test(e))
                                .map(Expert::userId)
                                .collect(Collectors.toSet()),
                        repo.shifts().collectList(),
                        repo.overrides(date.minusDays(1), date.plusDays(LOOK_AHEAD_DAYS))
                                .collectList())
                .map(t -> new DutyRoster(props.questions().zone(), t.getT2(), t.getT3())
                        .nextStart(t.getT1(), after, LOOK_AHEAD_DAYS));
    }

    /** The zone the roster's shifts are in. */
    public java.time.ZoneId zone() {
        return props.questions().zone();
    }

    public Flux<Expert> onDutyNow() {
        return onDutyAt(clock.instant());
    }

    public Flux<Shift> shifts() {
        return repo.shifts();
    }

    public Mono<Shift> addShift(Shift s) {
        return expert(s.expertId())
                .then(repo.insertShift(s))
                .map(id -> new Shift(id, s.expertId(), s.dayOfWeek(), s.start(), s.end()));
    }

    public Mono<Void> deleteShift(long id) {
        return repo.deleteShift(id).flatMap(n -> n == 0 ? Mono.error(notFound("shift", id)) : Mono.empty());
    }

    public Flux<DutyOverride> overrides(LocalDate from, LocalDate to) {
        return repo.overrides(from, to);
    }

    public Mono<DutyOverride> addOverride(DutyOverride o) {
        return expert(o.expertId())
                .then(repo.insertOverride(o))
                .map(id -> new DutyOverride(id, o.expertId(), o.date(), o.onDuty(), o.start(), o.end()));
    }

    public Mono<Void> deleteOverride(long id) {
        return repo.deleteOverride(id).flatMap(n -> n == 0 ? Mono.error(notFound("override", id)) : Mono.empty());
    }

    /**
     * The roster's gaps per category between the start of {@code from} and the start of {@code to}
     * (at most 62 days): when no active L1 expert with the skill is on duty.
     */
    public Mono<DutyCoverage.Report> coverage(LocalDate from, LocalDate to, List<String> categories) {
        if (!from.isBefore(to) || from.plusDays(62).isBefore(to)) {
            return Mono.error(
                    KbException.badRequest("invalid-range", "The range must run forwards and span at most 62 days."));
        }
        return Mono.zip(
                        repo.experts().collectList(),
                        repo.shifts().collectList(),
                        repo.overrides(from.minusDays(1), to).collectList())
                .map(t -> new DutyCoverage(t.getT1(), t.getT2(), t.getT3())
                        .report(from, to, categories, props.questions().zone().getId()));
    }

    /** The set of skills a user has as an expert (empty for non-experts). */
    public Mono<Set<String>> skillsOf(long userId) {
        return repo.expert(userId).map(e -> Set.copyOf(e.skills())).defaultIfEmpty(Set.of());
    }

    private static KbException notFound(String what, long id) {
        return KbException.notFound(what + "-not-found", "No " + what + " with id " + id + ".");
    }
}
