package org.kbportal.backend.duty;

import jakarta.validation.Valid;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.kbportal.backend.article.Category;
import org.kbportal.backend.article.CategoryService;
import org.kbportal.contract.duty.ExpertInput;
import org.kbportal.contract.duty.OverrideInput;
import org.kbportal.contract.duty.ShiftInput;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Experts, shifts and overrides for admins (the path is ADMIN-only in SecurityConfig). */
@RestController
class DutyAdminController {

    private final DutyService duty;
    private final CategoryService categories;

    DutyAdminController(DutyService duty, CategoryService categories) {
        this.duty = duty;
        this.categories = categories;
    }

    /**
     * Per category, the local-time intervals between the start of {@code from} and the start of
     * {@code to} in which no L1 expert with the skill is on duty; also when no L1 is on duty at all.
     */
    @GetMapping("/api/admin/duty/coverage")
    Mono<DutyCoverage.Report> coverage(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return categories.all().map(Category::code).collectList().flatMap(codes -> duty.coverage(from, to, codes));
    }

    @GetMapping("/api/admin/experts")
    Flux<Expert> experts() {
        return duty.experts();
    }

    @PutMapping("/api/admin/experts/{userId}")
    Mono<Expert> save(@PathVariable long userId, @Valid @RequestBody ExpertInput in) {
        return duty.save(
                userId, in.tier(), in.skills(), in.maxLoad(), in.organisation(), in.active() == null || in.active());
    }

    @GetMapping("/api/admin/shifts")
    Flux<Shift> shifts() {
        return duty.shifts();
    }

    @PostMapping("/api/admin/shifts")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Shift> addShift(@Valid @RequestBody ShiftInput in) {
        return duty.addShift(new Shift(0, in.expertId(), DayOfWeek.of(in.dayOfWeek()), in.start(), in.end()));
    }

    @DeleteMapping("/api/admin/shifts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> deleteShift(@PathVariable long id) {
        return duty.deleteShift(id);
    }

    @GetMapping("/api/admin/duty-overrides")
    Flux<DutyOverride> overrides(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return duty.overrides(from, to);
    }

    @PostMapping("/api/admin/duty-overrides")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<DutyOverride> addOverride(@Valid @RequestBody OverrideInput in) {
        return duty.addOverride(new DutyOverride(0, in.expertId(), in.date(), in.onDuty(), in.start(), in.end()));
    }

    @DeleteMapping("/api/admin/duty-overrides/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> deleteOverride(@PathVariable long id) {
        return duty.deleteOverride(id);
    }
}
