package org.kbportal.contract.duty;

import java.time.Instant;
import java.util.List;

/** One tier: who is on duty now and when the next shift of that tier starts (null: none in two weeks). */
public record TierDuty(Tier tier, List<OnDuty> onDuty, Instant nextStart) {}
