package org.kbportal.backend.duty;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.kbportal.backend.system.KbException;
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

    /** What everyone may see of an expert on duty (no e-mail address). */
    record OnDuty(
            long userId, String username, String displayName, Tier tier, List<String> skills, String organisation) {

        static OnDuty of(Expert e) {
            return new OnDuty(e.userId(), e.username(), e.displayName(), e.tier(), e.skills(), e.organisation());
        }
    }

    /** One tier: who is on duty now and when the next shift of that tier starts (null: none in two weeks). */
    record TierDuty(Tier tier, List<OnDuty> onDuty, Instant nextStart) {}

    /** The tiers at {@code at}, the roster's zone for showing times. */
    record DutyNow(Instant at, String zone, String category, List<TierDuty> tiers) {}

    @GetMapping("/api/duty/now")
    Flux<OnDuty> now() {
        return duty.onDutyNow().map(OnDuty::of);
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
                                                .map(OnDuty::of)
                                                .toList(),
                                        next.orElse(null))))
                        .collectList())
                .map(tiers -> new DutyNow(at, duty.zone().getId(), skill, tiers));
    }
}
