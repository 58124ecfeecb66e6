package org.kbportal.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kbportal.ui.client.SynonymGroup;

class SynonymEditorTest {

    private final List<List<String>> saved = new ArrayList<>();

    @Test
    void shouldStartEmptyForANewGroupAndSaveTheParsedTerms() {
        SynonymEditor editor = editor(null);
        assertThat(editor.terms.getValue()).isEmpty();

        editor.terms.setValue("蓝屏、BSOD\nblue screen");
        editor.save();

        assertThat(saved).containsExactly(List.of("蓝屏", "BSOD", "blue screen"));
        assertThat(editor.terms.isInvalid()).isFalse();
    }

    @Test
    void shouldShowTheTermsOfAnExistingGroup() {
        SynonymEditor editor =
                editor(new SynonymGroup(7, List.of("内存", "RAM"), "admin", Instant.parse("2026-03-01T08:00:00Z")));

        assertThat(editor.terms.getValue()).isEqualTo("内存, RAM");
        assertThat(editor.group().id()).isEqualTo(7);
    }

    @Test
    void shouldRefuseTooFewTermsAtTheField() {
        SynonymEditor editor = editor(null);
        editor.terms.setValue("蓝屏, 蓝屏");

        editor.save();

        assertThat(saved).isEmpty();
        assertThat(editor.terms.isInvalid()).isTrue();
        assertThat(editor.terms.getErrorMessage()).isNotBlank();
    }

    private SynonymEditor editor(SynonymGroup group) {
        SynonymEditor editor = new SynonymEditor(group);
        editor.addSaveListener(e -> saved.add(e.terms()));
        return editor;
    }
}
