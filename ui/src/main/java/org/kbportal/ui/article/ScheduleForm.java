package org.kbportal.ui.article;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Scheduled publication and review-by date of an article. Fires a {@link SaveEvent} with both
 * instants (null when empty) once they are consistent: the review date must follow publication.
 */
public class ScheduleForm extends Composite<Div> {

    final DateTimePicker publishAt = new DateTimePicker();
    final DateTimePicker reviewBy = new DateTimePicker();
    final Button save = new Button();
    final Span error = new Span();
    private final ZoneId zone;

    public ScheduleForm(ZoneId zone) {
        this.zone = zone;
        publishAt.setId("schedule-publish-at");
        publishAt.setLabel(getTranslation("schedule.publish-at"));
        publishAt.setHelperText(getTranslation("schedule.publish-at.help"));
        reviewBy.setId("schedule-review-by");
        reviewBy.setLabel(getTranslation("schedule.review-by"));
        reviewBy.setHelperText(getTranslation("schedule.review-by.help"));
        save.setText(getTranslation("schedule.save"));
        save.setId("schedule-save");
        save.addClickListener(e -> submit());
        error.setId("schedule-error");
        error.addClassName("kb-error");
        error.setVisible(false);
        getContent().addClassName("kb-schedule");
        getContent().add(publishAt, reviewBy, save, error);
    }

    /** Shows stored dates. */
    public void setValues(Instant publish, Instant review) {
        publishAt.setValue(publish == null ? null : LocalDateTime.ofInstant(publish, zone));
        reviewBy.setValue(review == null ? null : LocalDateTime.ofInstant(review, zone));
        error.setVisible(false);
    }

    void submit() {
        Instant p = instant(publishAt.getValue());
        Instant r = instant(reviewBy.getValue());
        if (p != null && r != null && !r.isAfter(p)) {
            error.setText(getTranslation("schedule.review-before-publish"));
            error.setVisible(true);
            return;
        }
        error.setVisible(false);
        fireEvent(new SaveEvent(this, p, r));
    }

    private Instant instant(LocalDateTime t) {
        return t == null ? null : t.atZone(zone).toInstant();
    }

    public Registration addSaveListener(com.vaadin.flow.component.ComponentEventListener<SaveEvent> l) {
        return addListener(SaveEvent.class, l);
    }

    /** Both dates, either may be null. */
    public static class SaveEvent extends ComponentEvent<ScheduleForm> {

        private final Instant publishAt;
        private final Instant reviewBy;

        SaveEvent(ScheduleForm source, Instant publishAt, Instant reviewBy) {
            super(source, false);
            this.publishAt = publishAt;
            this.reviewBy = reviewBy;
        }

        public Instant publishAt() {
            return publishAt;
        }

        public Instant reviewBy() {
            return reviewBy;
        }
    }
}
