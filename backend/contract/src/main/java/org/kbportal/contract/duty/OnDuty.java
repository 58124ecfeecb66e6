package org.kbportal.contract.duty;

import java.util.List;

/**
 * What everyone may see of an expert on duty now ({@code GET /api/duty/now}; no e-mail address): a hand-over
 * target.
 *
 * @param skills category codes
 */
public record OnDuty(
        long userId, String username, String displayName, Tier tier, List<String> skills, String organisation) {}
