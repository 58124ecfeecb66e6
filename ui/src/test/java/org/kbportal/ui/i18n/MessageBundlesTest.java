package org.kbportal.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+[^}]*}");

    private final Properties chinese = KbI18NProvider.load("i18n/messages_zh_CN.properties");
    private final Properties english = KbI18NProvider.load("i18n/messages_en.properties");
    private final KbI18NProvider provider = new KbI18NProvider();

    @Test
    void shouldHaveExactlyTheSameKeysInBothLanguages() {
        assertThat(new TreeSet<>(english.stringPropertyNames()))
                .isNotEmpty()
                .isEqualTo(new TreeSet<>(chinese.stringPropertyNames()));
    }

    @Test
    void shouldUseTheSamePlaceholdersInBothLanguages() {
        for (String key : chinese.stringPropertyNames()) {
            assertThat(placeholders(english.getProperty(key)))
                    .as(key)
                    .isEqualTo(placeholders(chinese.getProperty(key)));
        }
    }

    @Test
    void shouldHaveNoEmptyTextsAndNoApostrophesThatMessageFormatWouldSwallow() {
        for (Properties bundle : new Properties[] {chinese, english}) {
            for (String key : bundle.stringPropertyNames()) {
                assertThat(bundle.getProperty(key)).as(key).isNotBlank().doesNotContain("'");
            }
        }
    }

    @Test
    void shouldReadTheFilesAsUtf8() {
        assertThat(provider.getTranslation("app.name", KbI18NProvider.CHINESE)).isEqualTo("运维知识库");
        assertThat(provider.getTranslation("app.name", KbI18NProvider.ENGLISH)).isEqualTo("IT Ops Knowledge Base");
    }

    @Test
    void shouldFillPlaceholders() {
        assertThat(provider.getTranslation("pager.status", KbI18NProvider.CHINESE, 2, 15))
                .isEqualTo("第 2 / 15 页");
        assertThat(provider.getTranslation("pager.status", KbI18NProvider.ENGLISH, 2, 15))
                .isEqualTo("Page 2 of 15");
    }

    @Test
    void shouldOfferChineseFirstAndFallBackToChineseForOtherLanguages() {
        assertThat(provider.getProvidedLocales()).first().isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(provider.getTranslation("nav.search", Locale.FRENCH)).isEqualTo("搜索");
        assertThat(provider.getTranslation("nav.search", Locale.US)).isEqualTo("Search");
    }

    @Test
    void shouldMarkMissingKeysVisiblyInsteadOfFailing() {
        assertThat(provider.getTranslation("no.such.key", KbI18NProvider.CHINESE))
                .isEqualTo("!no.such.key");
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
