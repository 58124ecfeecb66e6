package org.kbportal.backend.duty;

import java.util.List;
import org.kbportal.contract.duty.Tier;

/**
 * An expert: a user who answers questions in the categories of their skills.
 *
 * @param maxLoad most open questions the expert is routed at once
 * @param organisation the vendor for L3 contacts
 * @param active whether the user acts as an expert now: registered as active, account enabled and
 *     holding the EXPERT role (read that way from the database, so routing, queues, the roster and
 *     question access all apply the same rule)
 */
public record Expert(
        long userId,
        String username,
        String displayName,
        String email,
        Tier tier,
        List<String> skills,
        int maxLoad,
        String organisation,
        boolean active) {

    public boolean hasSkill(String category) {
        return skills.contains(category);
    }
}
