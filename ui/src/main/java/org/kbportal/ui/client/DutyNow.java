package org.kbportal.ui.client;

import java.time.Instant;
import java.util.List;

/**
 * Who is on duty per tier ({@code GET /api/expert/duty/now}, EXPERT/ADMIN), for the escalation
 * dialog.
 *
 * @param zone the roster's zone, in which shift starts are shown
 */
public record DutyNow(Instant at, String zone, String category, List<Tier> tiers) {

    public DutyNow {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /**
     * @param tier L1, L2 or L3
     * @param nextStart when the next shift of this tier starts; null when none in two weeks
     */
    public record Tier(String tier, List<OnDuty> onDuty, Instant nextStart) {

        public Tier {
            onDuty = onDuty == null ? List.of() : List.copyOf(onDuty);
        }
    }
}
