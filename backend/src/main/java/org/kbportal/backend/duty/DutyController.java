package org.kbportal.backend.duty;

import java.time.Clock;
import java.time.Instant;
import org.kbportal.backend.system.KbException;
import org.kbportal.contract.duty.DutyNow;
import org.kbportal.contract.duty.OnDuty;
import org.kbportal.contract.duty.Tier;
import org.kbportal.contract.duty.TierDuty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Who is on duty now: everyone signed in sees the list; experts also see it per tier for escalation. */
@RestController
class DutyController {

    private final DutyService duty;
    private final Clock clock;

    DutyController(DutyService duty, Clock clock) {
        this.duty = duty;
        this.clock = clock;
    }

    private static OnDuty onDuty(Expert e) {
        return new OnDuty(e.userId(), e.username(), e.displayName(), e.tier(), e.skills(), e.organisation());
    }

    @GetMapping("/api/duty/now")
    Flux<OnDuty> now() {
        return duty.onDutyNow().map(DutyController::onDuty);
    }

    /**
     * For the escalation dialog (EXPERT, ADMIN): per tier the experts on duty now (with the skill,
     * when {@code category} is given) and the next shift start of that tier.
     */
    @GetMapping("/api/expert/duty/now")
    Mono<DutyNow> byTier(@RequestParam(required = false) String category) {
        if (category != null && category.length() > 64) {
            return Mono.error(KbException.badRequest("invalid-category", "A category id has at most 64 characters."));
        }
        Instant at = clock.instant();
        String skill = category == null || category.isBlank() ? null : category.strip();
        return duty.onDutyAt(at)
                .filter(e -> skill == null || e.hasSkill(skill))
                .collectList()
                .flatMap(on -> Flux.fromArray(Tier.values())
                        .concatMap(tier -> duty.nextOnDuty(
                                        e -> e.tier() == tier && (skill == null || e.hasSkill(skill)), at)
                                .map(next -> new TierDuty(
                                        tier,
                                        on.stream()
                                                .filter(e -> e.tier() == tier)
                                                .map(DutyController::onDuty)
                                                .toList(),
                                        next.orElse(null))))
                        .collectList())
                .map(tiers -> new DutyNow(at, duty.zone().getId(), skill, tiers));
    }
}
