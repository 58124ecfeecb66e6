package org.kbportal.backend.question;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kbportal.backend.duty.Expert;
import org.kbportal.contract.duty.Tier;

/**
 * Who gets a question, without I/O: among the given experts of a tier, the one with the fewest open
 * questions still under their maximum (ties: by user name), preferring those with the category skill.
 */
final class Routing {

    private Routing() {}

    static Optional<Expert> pick(
            List<Expert> candidates, Map<Long, Long> loads, Tier tier, String category, boolean skillRequired) {
        Comparator<Expert> byLoad = Comparator.<Expert>comparingLong(e -> loads.getOrDefault(e.userId(), 0L))
                .thenComparing(Expert::username);
        List<Expert> free = candidates.stream()
                .filter(e -> e.active() && e.tier() == tier)
                .filter(e -> loads.getOrDefault(e.userId(), 0L) < e.maxLoad())
                .toList();
        Optional<Expert> skilled =
                free.stream().filter(e -> e.hasSkill(category)).min(byLoad);
        return skilled.isPresent() || skillRequired ? skilled : free.stream().min(byLoad);
    }
}
