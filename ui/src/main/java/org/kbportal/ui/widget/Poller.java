package org.kbportal.ui.widget;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.shared.Registration;
import java.io.Serializable;

/**
 * Polls while a long job runs on the server (a backup, an index rebuild, a manual's extraction): the
 * browser asks every interval and the page refreshes. It stops when the page is left, and a page attached
 * again while polling (a refreshed route after a language switch detaches the old instance after the new
 * one started) sets the interval again.
 */
public final class Poller implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int intervalMs;
    private final SerializableRunnable tick;
    private Registration polling;

    public Poller(Component owner, int intervalMs, SerializableRunnable tick) {
        this.intervalMs = intervalMs;
        this.tick = tick;
        owner.addAttachListener(e -> {
            if (polling != null) {
                e.getUI().setPollInterval(intervalMs);
            }
        });
        owner.addDetachListener(e -> stop(e.getUI()));
    }

    /** Starts polling, unless it already does or the page has no UI. */
    public void start(UI ui) {
        if (polling == null && ui != null) {
            ui.setPollInterval(intervalMs);
            polling = ui.addPollListener(e -> tick.run());
        }
    }

    /** Stops polling. */
    public void stop(UI ui) {
        if (polling != null) {
            polling.remove();
            polling = null;
            if (ui != null) {
                ui.setPollInterval(-1);
            }
        }
    }

    public boolean isPolling() {
        return polling != null;
    }
}
