package org.kbportal.contract.duty;

import java.time.Instant;
import java.util.List;

/**
 * Who is on duty per tier at {@code at} ({@code GET /api/expert/duty/now}, EXPERT/ADMIN), for the escalation dialog.
 *
 * @param zone the roster's zone, in which shift starts are shown
 * @param category the skill asked for, or null
 */
public record DutyNow(Instant at, String zone, String category, List<TierDuty> tiers) {}
