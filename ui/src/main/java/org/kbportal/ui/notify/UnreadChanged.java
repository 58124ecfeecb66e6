package org.kbportal.ui.notify;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;

/** Fired on the {@link UI} when notifications were marked read, so the bell recounts. */
class UnreadChanged extends ComponentEvent<UI> {

    UnreadChanged(UI ui) {
        super(ui, false);
    }

    static void fire(UI ui) {
        ComponentUtil.fireEvent(ui, new UnreadChanged(ui));
    }
}
