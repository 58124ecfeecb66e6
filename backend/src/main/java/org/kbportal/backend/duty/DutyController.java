package org.kbportal.backend.duty;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** Who is on duty now (any signed-in user). */
@RestController
class DutyController {

    private final DutyService duty;

    DutyController(DutyService duty) {
        this.duty = duty;
    }

    /** What everyone may see of an expert on duty (no e-mail address). */
    record OnDuty(
            long userId, String username, String displayName, Tier tier, List<String> skills, String organisation) {}

    @GetMapping("/api/duty/now")
    Flux<OnDuty> now() {
        return duty.onDutyNow()
                .map(e ->
                        new OnDuty(e.userId(), e.username(), e.displayName(), e.tier(), e.skills(), e.organisation()));
    }
}
