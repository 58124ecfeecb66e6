package org.kbportal.ui.search;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.kbportal.ui.client.SearchQuery;
import org.kbportal.ui.client.SearchResults;
import org.kbportal.ui.navigation.Routes;

/**
 * What the backend did with the words, above the hits: a better spelling to search instead
 * ({@code search-did-you-mean}, a link keeping the filters), that similar spellings were included
 * ({@code search-fuzzy}) and which synonyms were searched too ({@code search-synonyms}).
 */
class SearchHints extends Composite<Div> {

    SearchHints() {
        getContent().setId("search-hints");
        getContent().addClassName("kb-search-hints");
    }

    void show(SearchQuery query, SearchResults results) {
        getContent().removeAll();
        String better = results.didYouMean();
        if (better != null && !better.equalsIgnoreCase(query.q())) {
            Anchor link = Routes.link(
                    Routes.SEARCH + "?"
                            + SearchParams.format(query.withWords(better)).getQueryString(),
                    better);
            link.setId("search-did-you-mean");
            Div line = new Div(new Span(getTranslation("search.did-you-mean")), link);
            line.addClassName("kb-did-you-mean");
            getContent().add(line);
        }
        if (results.fuzzy()) {
            Div line = new Div(getTranslation("search.fuzzy"));
            line.setId("search-fuzzy");
            line.addClassName("kb-search-note");
            getContent().add(line);
        }
        if (!results.synonyms().isEmpty()) {
            Div line = new Div(new Span(getTranslation("search.synonyms")));
            line.setId("search-synonyms");
            line.addClassName("kb-search-note");
            for (String term : results.synonyms()) {
                Span chip = new Span(term);
                // the user's own search terms and their synonyms: content, not interface
                chip.addClassNames("kb-term", "kb-content");
                line.add(chip);
            }
            getContent().add(line);
        }
        setVisible(getContent().getComponentCount() > 0);
    }
}
