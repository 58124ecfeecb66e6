package org.kbportal.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchSuggestionsTest {

    private final SearchSuggestions suggestions = new SearchSuggestions();

    @Test
    void shouldOpenOnlyWithTitles() {
        suggestions.show("数据库", List.of("数据库备份", "数据库恢复"));
        assertThat(suggestions.isOpen()).isTrue();
        assertThat(suggestions.titles()).containsExactly("数据库备份", "数据库恢复");
        assertThat(suggestions.highlighted()).isEmpty();

        suggestions.show("zzqxjv", List.of());
        assertThat(suggestions.isOpen()).isFalse();
    }

    @Test
    void shouldMoveTheHighlightThroughTheTitlesAndNone() {
        suggestions.show("数据库", List.of("a", "b"));

        suggestions.move(1);
        assertThat(suggestions.highlighted()).contains("a");
        assertThat(suggestions.highlightedId()).isEqualTo("search-suggestion-0");
        suggestions.move(1);
        assertThat(suggestions.highlighted()).contains("b");
        suggestions.move(1);
        assertThat(suggestions.highlighted()).isEmpty();
        assertThat(suggestions.highlightedId()).isEmpty();
        suggestions.move(-1);
        assertThat(suggestions.highlighted()).contains("b");
    }

    @Test
    void shouldForgetTheHighlightWhenClosedAndReopenWithTheArrowKeys() {
        suggestions.show("x", List.of("a", "b", "c"));
        suggestions.move(1);

        suggestions.close();
        assertThat(suggestions.isOpen()).isFalse();
        assertThat(suggestions.highlighted()).isEmpty();

        suggestions.move(-1);
        assertThat(suggestions.isOpen()).isTrue();
        assertThat(suggestions.highlighted()).contains("c");
    }

    @Test
    void shouldIgnoreTheArrowKeysWithoutTitles() {
        suggestions.move(1);

        assertThat(suggestions.isOpen()).isFalse();
        assertThat(suggestions.highlighted()).isEmpty();
    }

    @Test
    void shouldFindTheTypedTextIgnoringCase() {
        assertThat(SearchSuggestions.matchAt("如何重置 VPN 密码", "vpn")).isEqualTo(5);
        assertThat(SearchSuggestions.matchAt("数据库备份", "数据库")).isZero();
        assertThat(SearchSuggestions.matchAt("数据库备份", "邮件")).isEqualTo(-1);
        assertThat(SearchSuggestions.matchAt("数据库", "")).isEqualTo(-1);
        assertThat(SearchSuggestions.matchAt("ab", "abc")).isEqualTo(-1);
    }
}
