package org.kbportal.ui.sla;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kbportal.ui.client.SlaClient.Policy;

class PolicyEditsTest {

    private static final Policy LOADED = new Policy("FAULT", "A", 60, 240, false);

    @Test
    void shouldAcceptOneMinuteToAYearOnly() {
        assertThat(PolicyEdits.valid(1)).isTrue();
        assertThat(PolicyEdits.valid(525_600)).isTrue();
        assertThat(PolicyEdits.valid(0)).isFalse();
        assertThat(PolicyEdits.valid(-5)).isFalse();
        assertThat(PolicyEdits.valid(525_601)).isFalse();
        assertThat(PolicyEdits.valid(null)).isFalse();
    }

    @Test
    void shouldReportARowOnlyWhenItDiffersFromWhatWasLoaded() {
        assertThat(PolicyEdits.changed(LOADED, 60, 240, false)).isEmpty();
        assertThat(PolicyEdits.changed(LOADED, 30, 240, false)).contains(new Policy("FAULT", "A", 30, 240, false));
        assertThat(PolicyEdits.changed(LOADED, 60, 240, true)).contains(new Policy("FAULT", "A", 60, 240, true));
        assertThat(PolicyEdits.changed(LOADED, null, 240, false)).isEmpty();
    }
}
