package org.kbportal.backend.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.duty.Expert;
import org.kbportal.contract.duty.Tier;

class RoutingTest {

    static Expert expert(long id, String name, Tier tier, int max, String... skills) {
        return new Expert(id, name, name, name + "@x.example", tier, List.of(skills), max, null, true);
    }

    final Expert netA = expert(1, "a", Tier.L1, 2, "network");
    final Expert netB = expert(2, "b", Tier.L1, 5, "network", "database");
    final Expert dbOnly = expert(3, "c", Tier.L1, 5, "database");
    final Expert l2 = expert(4, "d", Tier.L2, 5, "network");

    @Test
    void shouldPreferTheSkilledExpertWithTheLeastLoad() {
        assertThat(Routing.pick(List.of(netA, netB, dbOnly, l2), Map.of(1L, 1L, 2L, 0L), Tier.L1, "network", false))
                .contains(netB);
    }

    @Test
    void shouldBreakTiesByName() {
        assertThat(Routing.pick(List.of(netB, netA), Map.of(), Tier.L1, "network", false))
                .contains(netA);
    }

    @Test
    void shouldSkipExpertsAtTheirMaximum() {
        assertThat(Routing.pick(List.of(netA, netB), Map.of(1L, 2L, 2L, 4L), Tier.L1, "network", false))
                .contains(netB);
    }

    @Test
    void shouldFallBackToAnyL1WithoutTheSkill() {
        assertThat(Routing.pick(List.of(dbOnly, l2), Map.of(), Tier.L1, "network", false))
                .contains(dbOnly);
        assertThat(Routing.pick(List.of(dbOnly, l2), Map.of(), Tier.L1, "network", true))
                .isEmpty();
    }

    @Test
    void shouldFindNobodyWhenAllAreFullOrInactive() {
        Expert off = new Expert(9, "z", "z", null, Tier.L1, List.of("network"), 5, null, false);
        assertThat(Routing.pick(List.of(netA, off), Map.of(1L, 2L), Tier.L1, "network", false))
                .isEmpty();
    }

    @Test
    void shouldPickOnlyTheRequestedTier() {
        assertThat(Routing.pick(List.of(netA, l2), Map.of(), Tier.L2, "network", true))
                .contains(l2);
    }
}
