package org.kbportal.backend.sla;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SLA policies, working hours, holidays and make-up days (ADMIN, by path in SecurityConfig). */
@RestController
class SlaAdminController {

    private final SlaService sla;

    SlaAdminController(SlaService sla) {
        this.sla = sla;
    }

    record PolicyChange(
            @NotNull @Min(value = 1, message = "at least 1 minute") @Max(value = 525_600, message = "at most a year")
            Integer replyMinutes,

            @NotNull @Min(value = 1, message = "at least 1 minute") @Max(value = 525_600, message = "at most a year")
            Integer resolveMinutes,

            @NotNull Boolean workingTime) {}

    record PolicyRow(
            @NotBlank @Size(max = 20) String kind,
            @NotBlank @Size(max = 2) String severity,

            @NotNull @Min(value = 1, message = "at least 1 minute") @Max(value = 525_600, message = "at most a year")
            Integer replyMinutes,

            @NotNull @Min(value = 1, message = "at least 1 minute") @Max(value = 525_600, message = "at most a year")
            Integer resolveMinutes,

            @NotNull Boolean workingTime) {}

    @GetMapping("/api/admin/sla-policies")
    Flux<SlaPolicy> policies() {
        return sla.policies();
    }

    @PutMapping("/api/admin/sla-policies/{kind}/{severity}")
    Mono<SlaPolicy> update(
            @PathVariable String kind, @PathVariable String severity, @Valid @RequestBody PolicyChange c) {
        return sla.updatePolicy(new SlaPolicy(kind, severity, c.replyMinutes(), c.resolveMinutes(), c.workingTime()));
    }

    /** Several policies in one transaction: all are saved or none (the admin table's single save). */
    @PutMapping("/api/admin/sla-policies")
    Flux<SlaPolicy> updateAll(
            @Valid @RequestBody @Size(min = 1, max = 15, message = "1 to 15 policies") List<@Valid PolicyRow> rows) {
        return sla.updatePolicies(rows.stream()
                .map(r -> new SlaPolicy(r.kind(), r.severity(), r.replyMinutes(), r.resolveMinutes(), r.workingTime()))
                .toList());
    }

    record Hours(
            @NotNull @Min(1) @Max(7) Integer dayOfWeek,
            @NotNull LocalTime start,
            @NotNull LocalTime end) {}

    @GetMapping("/api/admin/calendar/hours")
    Flux<SlaService.WeekdayHours> hours() {
        return sla.hours();
    }

    @PutMapping("/api/admin/calendar/hours")
    Flux<SlaService.WeekdayHours> replaceHours(@Valid @RequestBody @Size(max = 7) List<@Valid Hours> hours) {
        return sla.replaceHours(hours.stream()
                        .map(h -> new SlaService.WeekdayHours(h.dayOfWeek(), h.start(), h.end()))
                        .toList())
                .thenMany(sla.hours());
    }

    record Day(@NotNull Boolean working, @Size(max = 100) String name) {}

    @GetMapping("/api/admin/calendar/days")
    Flux<SlaService.CalendarDay> days() {
        return sla.days();
    }

    /** A holiday ({@code working: false}) or a make-up working day ({@code working: true}). */
    @PutMapping("/api/admin/calendar/days/{date}")
    Mono<SlaService.CalendarDay> putDay(@PathVariable LocalDate date, @Valid @RequestBody Day d) {
        return sla.putDay(new SlaService.CalendarDay(date, d.working(), d.name()));
    }

    @DeleteMapping("/api/admin/calendar/days/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> deleteDay(@PathVariable LocalDate date) {
        return sla.deleteDay(date);
    }
}
