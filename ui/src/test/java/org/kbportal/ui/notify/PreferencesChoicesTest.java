package org.kbportal.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.checkbox.Checkbox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the ticked boxes of one channel become the stored list of events. */
class PreferencesChoicesTest {

    static final List<String> ALL = List.of("ASSIGNED", "SLA_WARNING", "ANSWERED");

    static Map<String, Checkbox> boxes(Object... eventAndTicked) {
        Map<String, Checkbox> m = new LinkedHashMap<>();
        for (int i = 0; i < eventAndTicked.length; i += 2) {
            m.put((String) eventAndTicked[i], new Checkbox((Boolean) eventAndTicked[i + 1]));
        }
        return m;
    }

    @Test
    void everyBoxTickedIsStoredAsEveryEventSoLaterEventsAreIncluded() {
        assertThat(PreferencesView.chosen(boxes("ASSIGNED", true, "SLA_WARNING", true, "ANSWERED", true), null, ALL))
                .isNull();
    }

    @Test
    void anUntickedBoxLeavesItsEventOutOfTheList() {
        assertThat(PreferencesView.chosen(boxes("ASSIGNED", false, "SLA_WARNING", true, "ANSWERED", true), null, ALL))
                .containsExactly("SLA_WARNING", "ANSWERED");
    }

    @Test
    void eventsWithoutABoxOnThePageKeepWhatWasStored() {
        // a user who is no expert sees only the answer e-mail; their stored choices for the rest stay
        assertThat(PreferencesView.chosen(boxes("ANSWERED", true), List.of("SLA_WARNING"), ALL))
                .containsExactly("SLA_WARNING", "ANSWERED");
        assertThat(PreferencesView.chosen(boxes("ANSWERED", false), null, ALL))
                .containsExactly("ASSIGNED", "SLA_WARNING");
        assertThat(PreferencesView.chosen(boxes(), List.of(), ALL)).isEmpty();
    }
}
