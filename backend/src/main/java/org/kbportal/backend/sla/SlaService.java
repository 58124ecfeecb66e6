package org.kbportal.backend.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SLA policies and the business calendar as stored; hands out calculators over the current calendar. */
@Service
public class SlaService {

    private final SlaRepository repo;
    private final KbProperties props;
    private final TransactionalOperator tx;

    SlaService(SlaRepository repo, KbProperties props, TransactionalOperator tx) {
        this.repo = repo;
        this.props = props;
        this.tx = tx;
    }

    public Flux<SlaPolicy> policies() {
        return repo.policies();
    }

    /** The policy for a kind and severity (all 15 combinations are seeded). */
    public Mono<SlaPolicy> policy(String kind, String severity) {
        // read to the end rather than cancel the query (a cancelled R2DBC query can leak its connection)
        return repo.policies()
                .filter(p -> p.kind().equals(kind) && p.severity().equals(severity))
                .collectList()
                .flatMap(l -> l.isEmpty() ? Mono.<SlaPolicy>empty() : Mono.just(l.get(0)))
                .switchIfEmpty(Mono.error(() -> KbException.notFound(
                        "sla-policy-not-found", "No SLA policy for " + kind + " / " + severity + ".")));
    }

    public Mono<SlaPolicy> updatePolicy(SlaPolicy p) {
        return repo.updatePolicy(p)
                .flatMap(n -> n == 0 ? policy(p.kind(), p.severity()).then(Mono.<SlaPolicy>empty()) : Mono.just(p));
    }

    /**
     * Saves several policies in one transaction and answers the whole table: one unknown kind/severity
     * ({@code 404 urn:kb:sla-policy-not-found}) or a pair named twice ({@code 400 urn:kb:duplicate-sla-policy})
     * and nothing is changed.
     */
    public Flux<SlaPolicy> updatePolicies(java.util.List<SlaPolicy> changes) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (SlaPolicy p : changes) {
            if (!seen.add(p.kind() + "/" + p.severity())) {
                return Flux.error(KbException.badRequest(
                        "duplicate-sla-policy", "The policy " + p.kind() + " / " + p.severity() + " is listed twice."));
            }
        }
        return Flux.fromIterable(changes)
                .concatMap(p -> repo.updatePolicy(p)
                        .flatMap(n -> n == 0
                                ? Mono.<SlaPolicy>error(KbException.notFound(
                                        "sla-policy-not-found",
                                        "No SLA policy for " + p.kind() + " / " + p.severity() + "."))
                                : Mono.just(p)))
                .then()
                .as(tx::transactional)
                .thenMany(repo.policies());
    }

    /** The business calendar as stored now. */
    public Mono<BusinessCalendar> calendar() {
        Mono<Map<DayOfWeek, BusinessCalendar.Hours>> hours = repo.hours()
                .collect(
                        () -> new EnumMap<>(DayOfWeek.class),
                        (m, h) -> m.put(h.day(), new BusinessCalendar.Hours(h.start(), h.end())));
        Mono<Map<LocalDate, Boolean>> days = repo.days().collect(HashMap::new, (m, d) -> m.put(d.date(), d.working()));
        return Mono.zip(hours, days)
                .map(t -> new BusinessCalendar(props.questions().zone(), t.getT1(), t.getT2()));
    }

    public Mono<SlaCalculator> calculator() {
        return calendar().map(SlaCalculator::new);
    }

    /** A date that differs from the week. */
    public record CalendarDay(LocalDate date, boolean working, String name) {}

    public Flux<CalendarDay> days() {
        return repo.days().map(d -> new CalendarDay(d.date(), d.working(), d.name()));
    }

    public Mono<CalendarDay> putDay(CalendarDay d) {
        return repo.upsertDay(new SlaRepository.DayRow(d.date(), d.working(), d.name()))
                .as(tx::transactional)
                .thenReturn(d);
    }

    public Mono<Void> deleteDay(LocalDate date) {
        return repo.deleteDay(date);
    }

    /** Working hours of one weekday (1 = Monday). */
    public record WeekdayHours(int dayOfWeek, java.time.LocalTime start, java.time.LocalTime end) {}

    public Flux<WeekdayHours> hours() {
        return repo.hours().map(h -> new WeekdayHours(h.day().getValue(), h.start(), h.end()));
    }

    public Mono<Void> replaceHours(java.util.List<WeekdayHours> hours) {
        return repo.replaceHours(hours.stream()
                        .map(h -> new SlaRepository.HoursRow(DayOfWeek.of(h.dayOfWeek()), h.start(), h.end()))
                        .toList())
                .as(tx::transactional);
    }
}
