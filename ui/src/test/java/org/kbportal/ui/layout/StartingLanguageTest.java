package org.kbportal.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.kbportal.ui.i18n.KbI18NProvider;

class StartingLanguageTest {

    @Test
    void shouldStartInEnglishWhenTheBrowserPrefersEnglish() {
        assertThat(SessionInitializer.preferred(List.of(Locale.US, Locale.SIMPLIFIED_CHINESE)))
                .isEqualTo(KbI18NProvider.ENGLISH);
        assertThat(SessionInitializer.preferred(List.of(Locale.GERMAN, Locale.ENGLISH)))
                .isEqualTo(KbI18NProvider.ENGLISH);
    }

    @Test
    void shouldStartInChineseOtherwise() {
        assertThat(SessionInitializer.preferred(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)))
                .isEqualTo(KbI18NProvider.CHINESE);
        assertThat(SessionInitializer.preferred(List.of(Locale.TRADITIONAL_CHINESE)))
                .isEqualTo(KbI18NProvider.CHINESE);
        assertThat(SessionInitializer.preferred(List.of(Locale.FRENCH))).isEqualTo(KbI18NProvider.CHINESE);
        assertThat(SessionInitializer.preferred(List.of())).isEqualTo(KbI18NProvider.CHINESE);
    }
}
