package org.kbportal.ui.widget;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;

/** Form field set-up that every form repeats. */
public final class Fields {

    private Fields() {}

    /** Gives a field its element id (browser tests use it) and its label. */
    public static <T extends Component & HasLabel> T labelled(T field, String id, String label) {
        field.setId(id);
        field.setLabel(label);
        return field;
    }
}
