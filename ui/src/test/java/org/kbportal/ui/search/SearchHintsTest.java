package org.kbportal.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kbportal.ui.client.SearchQuery;
import org.kbportal.ui.client.SearchResults;

class SearchHintsTest {

    private final SearchHints hints = new SearchHints();

    @Test
    void shouldOfferTheBetterSpellingAsALinkThatKeepsTheFilters() {
        SearchQuery query = new SearchQuery("pasword", "faq", null, "en", 2, 10);

        hints.show(query, results("password", List.of(), true));

        Anchor link = (Anchor) find("search-did-you-mean").orElseThrow();
        assertThat(link.getText()).isEqualTo("password");
        assertThat(link.getHref()).startsWith("?");
        assertThat(SearchParams.parse(QueryParameters.fromString(link.getHref().substring(1))))
                .isEqualTo(new SearchQuery("password", "faq", null, "en", 0, 10));
        assertThat(find("search-fuzzy")).isPresent();
        assertThat(find("search-synonyms")).isEmpty();
        assertThat(hints.isVisible()).isTrue();
    }

    @Test
    void shouldListTheSynonymsSearchedToo() {
        hints.show(SearchQuery.of("蓝屏"), results(null, List.of("BSOD", "blue screen"), false));

        Component line = find("search-synonyms").orElseThrow();
        assertThat(line.getChildren().skip(1).map(c -> c.getElement().getText()))
                .containsExactly("BSOD", "blue screen");
        assertThat(find("search-did-you-mean")).isEmpty();
        assertThat(find("search-fuzzy")).isEmpty();
    }

    @Test
    void shouldHideWhenThereIsNothingToSay() {
        hints.show(SearchQuery.of("password"), results("password", List.of(), false));

        assertThat(hints.isVisible()).isFalse();
    }

    private Optional<Component> find(String id) {
        return hints.getElement()
                .getChildren()
                .flatMap(e -> Stream.concat(Stream.of(e), e.getChildren()))
                .filter(e -> id.equals(e.getAttribute("id")))
                .findFirst()
                .flatMap(e -> e.getComponent());
    }

    private static SearchResults results(String didYouMean, List<String> synonyms, boolean fuzzy) {
        return new SearchResults("q", 0, true, 0, 10, List.of(), null, 1, didYouMean, synonyms, fuzzy, 5L, "token");
    }
}
