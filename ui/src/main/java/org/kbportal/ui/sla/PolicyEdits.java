package org.kbportal.ui.sla;

import java.util.Objects;
import java.util.Optional;
import org.kbportal.ui.client.SlaClient.Policy;

/** What the SLA table accepts and which of its rows an administrator changed, free of Vaadin. */
final class PolicyEdits {

    /** The backend's limits for both times (one minute to a year). */
    static final int MIN_MINUTES = 1;

    static final int MAX_MINUTES = 525_600;

    private PolicyEdits() {}

    static boolean valid(Integer minutes) {
        return minutes != null && minutes >= MIN_MINUTES && minutes <= MAX_MINUTES;
    }

    /** The edited policy when it differs from the loaded one; empty when unchanged or not a number. */
    static Optional<Policy> changed(Policy loaded, Integer reply, Integer resolve, Boolean workingTime) {
        if (reply == null || resolve == null) {
            return Optional.empty();
        }
        boolean working = Boolean.TRUE.equals(workingTime);
        if (reply == loaded.replyMinutes()
                && resolve == loaded.resolveMinutes()
                && Objects.equals(working, loaded.workingTime())) {
            return Optional.empty();
        }
        return Optional.of(new Policy(loaded.kind(), loaded.severity(), reply, resolve, working));
    }
}
