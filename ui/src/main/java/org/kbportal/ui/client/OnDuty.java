package org.kbportal.ui.client;

import java.util.List;

/**
 * An expert on duty now ({@code GET /api/duty/now}), a hand-over target.
 *
 * @param tier L1, L2 or L3
 * @param skills category codes
 */
public record OnDuty(
        long userId, String username, String displayName, String tier, List<String> skills, String organisation) {}
