package org.kbportal.ui.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleFormTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void shouldRejectAReviewDateBeforeThePublicationAndSendInstantsInTheZone() {
        ScheduleForm form = new ScheduleForm(SHANGHAI);
        List<ScheduleForm.SaveEvent> saved = new ArrayList<>();
        form.addSaveListener(saved::add);

        form.publishAt.setValue(LocalDateTime.of(2026, 12, 1, 9, 0));
        form.reviewBy.setValue(LocalDateTime.of(2026, 11, 1, 9, 0));
        form.submit();
        assertThat(saved).isEmpty();
        assertThat(form.error.isVisible()).isTrue();

        form.reviewBy.setValue(LocalDateTime.of(2027, 6, 1, 9, 0));
        form.submit();
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).publishAt()).hasToString("2026-12-01T01:00:00Z");
        assertThat(saved.get(0).reviewBy()).hasToString("2027-06-01T01:00:00Z");
        assertThat(form.error.isVisible()).isFalse();
    }

    @Test
    void shouldAllowEmptyDatesToClearTheSchedule() {
        ScheduleForm form = new ScheduleForm(SHANGHAI);
        List<ScheduleForm.SaveEvent> saved = new ArrayList<>();
        form.addSaveListener(saved::add);
        form.setValues(java.time.Instant.parse("2026-12-01T01:00:00Z"), null);
        assertThat(form.publishAt.getValue()).isEqualTo(LocalDateTime.of(2026, 12, 1, 9, 0));

        form.publishAt.clear();
        form.submit();
        assertThat(saved).singleElement().satisfies(e -> {
            assertThat(e.publishAt()).isNull();
            assertThat(e.reviewBy()).isNull();
        });
    }
}
