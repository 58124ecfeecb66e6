package org.kbportal.ui.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import org.junit.jupiter.api.Test;

class PollerTest {

    @Test
    void shouldPollWhileStartedAndStopWhenThePageIsLeft() {
        UI ui = new UI();
        Div page = new Div();
        Poller poller = new Poller(page, 700, () -> {});
        ui.add(page);

        poller.start(ui);
        assertThat(poller.isPolling()).isTrue();
        assertThat(ui.getPollInterval()).isEqualTo(700);

        ui.remove(page);
        assertThat(poller.isPolling()).isFalse();
        assertThat(ui.getPollInterval()).isEqualTo(-1);
    }

    @Test
    void shouldSetTheIntervalAgainWhenAttachedWhilePolling() {
        UI ui = new UI();
        Div page = new Div();
        Poller poller = new Poller(page, 500, () -> {});
        poller.start(ui);
        ui.setPollInterval(-1); // another page's detach switched it off
        ui.add(page);
        assertThat(ui.getPollInterval()).isEqualTo(500);
    }

    @Test
    void shouldStayIdleWithoutAUi() {
        Poller poller = new Poller(new Div(), 500, () -> {});
        poller.start(null);
        assertThat(poller.isPolling()).isFalse();
    }
}
