package org.kbportal.ui.search;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.kbportal.ui.client.ArticleClient;
import org.kbportal.ui.client.ArticleFilter;
import org.kbportal.ui.client.ArticlePage;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.CategoryCatalog;
import org.kbportal.ui.client.RulesClient;
import org.kbportal.ui.client.SearchClient;
import org.kbportal.ui.client.SearchHit;
import org.kbportal.ui.client.SearchQuery;
import org.kbportal.ui.client.SearchResults;
import org.kbportal.ui.i18n.DateTimes;
import org.kbportal.ui.i18n.ErrorMessages;
import org.kbportal.ui.navigation.Routes;
import org.kbportal.ui.session.Access;
import org.kbportal.ui.session.Audience;
import org.kbportal.ui.session.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The landing page: a search box, then results with facets and paging. All state lives in the
 * URL; every change navigates, and {@link #beforeEnter} renders whatever the URL says, so links,
 * reloads and back/forward all show the same thing. Without words but with a category it browses
 * that category instead. While typing, titles are suggested under the box; opening a hit is
 * reported to the backend's query log.
 */
@Access(Audience.EVERYONE)
@Route(Routes.SEARCH)
class SearchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(SearchView.class);
    /** Suggestions are fetched once typing pauses this long. */
    static final int SUGGEST_DELAY_MS = 150;

    private final SearchClient search;
    private final RulesClient rules;
    private final ArticleClient articles;
    private final CategoryCatalog categories;
    private final ErrorMessages errors;

    private final TextField field = new TextField();
    private final SearchSuggestions suggestions = new SearchSuggestions();
    private final SearchHints hints = new SearchHints();
    private final Div hero = new Div();
    private final Div message = new Div();
    private final Span summary = new Span();
    private final FacetPanel facets;
    private final HitList hits;
    private final BrowseList browse;
    private final NoResults empty;
    private final Pager pager = new Pager();
    private final Div landing = new Div();
    private final Div results = new Div();
    private SearchQuery query = SearchQuery.of(null);
    private Long logId;
    private String clickToken;

    SearchView(
            SearchClient search,
            ArticleClient articles,
            CategoryCatalog categories,
            ErrorMessages errors,
            DateTimes dates,
            CurrentUser user,
            RulesClient rules) {
        this.search = search;
        this.rules = rules;
        this.empty = new NoResults(user::isSignedIn);
        this.articles = articles;
        this.categories = categories;
        this.errors = errors;
        this.facets = new FacetPanel(categories);
        this.hits = new HitList(categories);
        this.browse = new BrowseList(dates);
        addClassName("kb-search");
        setPadding(false);

        hero.add(new H1(getTranslation("search.hero.title")), new Paragraph(getTranslation("search.hero.text")));
        hero.addClassName("kb-hero");
        message.setId("search-error");
        message.addClassName("kb-error");
        summary.setId("search-total");
        summary.addClassName("kb-summary");

        facets.addFilterListener(e -> go(query.withFilter(e.field(), e.value())));
        pager.addPageListener(e -> go(query.withPage(e.page())));
        hits.addOpenListener(e -> reportOpened(e.hit()));

        Div main = new Div(summary, hints, hits, browse, empty, pager);
        main.addClassName("kb-results-main");
        results.add(facetToggle(), facets, main);
        results.addClassName("kb-results");
        landing.addClassName("kb-landing");
        add(hero, searchBar(), message, results, landing);
    }

    /** On phones the facets fold away behind this button, so the results come first (CSS hides it on wide screens). */
    private Button facetToggle() {
        Button toggle = new Button(getTranslation("search.facets.toggle"), VaadinIcon.FILTER.create());
        toggle.setId("facet-toggle");
        toggle.addClassName("kb-facet-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        toggle.getElement().setAttribute("aria-expanded", "false");
        toggle.getElement().setAttribute("aria-controls", "search-facets");
        toggle.addClickListener(e -> {
            boolean open = !results.hasClassName("kb-facets-open");
            results.setClassName("kb-facets-open", open);
            toggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
        });
        return toggle;
    }

    private Div searchBar() {
        field.setId("search-field");
        field.setPlaceholder(getTranslation("search.placeholder"));
        field.setPrefixComponent(VaadinIcon.SEARCH.create());
        field.setClearButtonVisible(true);
        field.setAutofocus(true);
        field.getElement().setAttribute("aria-label", getTranslation("search.placeholder"));
        field.addClassName("kb-search-field");
        field.setAutocomplete(Autocomplete.OFF);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(SUGGEST_DELAY_MS);
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                suggest(e.getValue());
            } else {
                closeSuggestions();
            }
        });
        field.addBlurListener(e -> closeSuggestions());
        Shortcuts.addShortcutListener(field, () -> moveSuggestion(1), Key.ARROW_DOWN)
                .listenOn(field);
        Shortcuts.addShortcutListener(field, () -> moveSuggestion(-1), Key.ARROW_UP)
                .listenOn(field);
        Shortcuts.addShortcutListener(field, this::closeSuggestions, Key.ESCAPE).listenOn(field);
        suggestions.addChooseListener(e -> choose(e.title()));
        Button button = new Button(getTranslation("search.button"), e -> submit());
        button.setId("search-button");
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        // Enter in the field searches (or takes the highlighted suggestion), wherever the focus was before
        button.addClickShortcut(Key.ENTER).listenOn(field);
        Div box = new Div(field, suggestions);
        box.addClassName("kb-search-box");
        Div bar = new Div(box, button);
        bar.addClassName("kb-search-bar");
        syncSuggestionAria();
        return bar;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        query = SearchParams.parse(event.getLocation().getQueryParameters());
        field.setValue(query.q() == null ? "" : query.q());
        render();
    }

    @Override
    public String getPageTitle() {
        String page = getTranslation("search.title") + " · " + getTranslation("app.name");
        return query.hasWords() ? query.q() + " · " + page : page;
    }

    private void submit() {
        var highlighted = suggestions.highlighted();
        if (highlighted.isPresent()) {
            choose(highlighted.get());
            return;
        }
        closeSuggestions();
        String words = field.getValue().strip();
        if (words.isEmpty()) {
            showMessage(getTranslation("search.type-something"));
            field.focus();
            return;
        }
        go(SearchQuery.of(words));
    }

    private void suggest(String typed) {
        List<String> titles;
        try {
            titles = search.suggest(typed);
        } catch (BackendException e) {
            // suggestions are a nicety: typing and searching go on without them
            log.info("Suggestions not available: {}", e.getMessage());
            titles = List.of();
        }
        suggestions.show(typed, titles);
        syncSuggestionAria();
    }

    private void moveSuggestion(int step) {
        suggestions.move(step);
        syncSuggestionAria();
    }

    private void closeSuggestions() {
        if (suggestions.isOpen()) {
            suggestions.close();
            syncSuggestionAria();
        }
    }

    private void choose(String title) {
        closeSuggestions();
        field.setValue(title);
        go(SearchQuery.of(title));
    }

    /** Tells screen readers that the field controls the list and which suggestion is highlighted. */
    private void syncSuggestionAria() {
        field.getElement().executeJs("""
                        const input = this.inputElement;
                        if (!input) { return; }
                        input.setAttribute('role', 'combobox');
                        input.setAttribute('aria-autocomplete', 'list');
                        input.setAttribute('aria-controls', $0);
                        input.setAttribute('aria-expanded', String($1));
                        if ($2) { input.setAttribute('aria-activedescendant', $2); }
                        else { input.removeAttribute('aria-activedescendant'); }
                        """, SearchSuggestions.ID, suggestions.isOpen(), suggestions.highlightedId());
    }

    /** Tells the query log which hit of this search was opened; never stands in the way of opening it. */
    private void reportOpened(SearchHit hit) {
        if (logId == null || clickToken == null) {
            return;
        }
        try {
            search.logClick(logId, clickToken, hit.id());
        } catch (BackendException e) {
            log.warn("Could not report that hit {} of search {} was opened: {}", hit.id(), logId, e.getMessage());
        }
    }

    private void go(SearchQuery next) {
        getUI().ifPresent(ui -> ui.navigate(Routes.SEARCH, SearchParams.format(next)));
    }

    private void render() {
        message.setVisible(false);
        hints.setVisible(false);
        logId = null;
        clickToken = null;
        boolean browsing = !query.hasWords() && query.category() != null;
        hero.setVisible(!query.hasWords() && !browsing);
        landing.setVisible(hero.isVisible());
        results.setVisible(!hero.isVisible());
        hits.setVisible(false);
        browse.setVisible(false);
        empty.setVisible(false);
        pager.setVisible(false);
        if (query.hasWords()) {
            runSearch();
        } else if (browsing) {
            runBrowse();
        } else {
            landing.removeAll();
            landing.add(CategoryLinks.of(getTranslation("search.browse"), categories.all(), getLocale()));
        }
        getElement().executeJs("window.scrollTo(0, 0)");
    }

    private void runSearch() {
        SearchResults found;
        try {
            found = search.search(query);
        } catch (BackendException e) {
            // a refused query (too long, no words) is the user's to fix: say so right here
            results.setVisible(false);
            showMessage(errors.describe(e, getLocale()));
            return;
        }
        logId = found.logId();
        clickToken = found.clickToken();
        summary.setText(getTranslation(
                found.totalExact() ? "search.total" : "search.total.more", found.total(), found.tookMs()));
        hints.show(query, found);
        facets.show(query, found);
        if (found.total() == 0) {
            boolean filtered = query.type() != null || query.category() != null || query.lang() != null;
            empty.show(query.q(), filtered, categories.all());
            empty.setVisible(true);
            return;
        }
        hits.show(found.hits());
        hits.setVisible(true);
        pager.show(query.page(), found.totalPages(rules.rules().search().maxResultWindow()));
    }

    private void runBrowse() {
        ArticlePage page;
        try {
            page = articles.list(
                    new ArticleFilter(query.type(), null, query.category(), query.lang(), null),
                    query.page(),
                    query.size());
        } catch (BackendException e) {
            results.setVisible(false);
            showMessage(errors.describe(e, getLocale()));
            return;
        }
        summary.setText(
                getTranslation("search.browse.total", categories.name(query.category(), getLocale()), page.total()));
        facets.show(
                query,
                new SearchResults(
                        null,
                        page.total(),
                        true,
                        query.page(),
                        query.size(),
                        null,
                        null,
                        0,
                        null,
                        null,
                        false,
                        null,
                        null));
        browse.show(page.items());
        browse.setVisible(true);
        int pages = (int) Math.max(1, (page.total() + query.size() - 1) / query.size());
        pager.show(query.page(), pages);
    }

    private void showMessage(String text) {
        message.setText(text);
        message.setVisible(true);
    }
}
