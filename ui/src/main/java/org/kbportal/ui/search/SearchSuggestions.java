package org.kbportal.ui.search;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The article titles offered under the search box while typing ({@code search-suggestions}, one
 * {@code .search-suggestion} each, the typed words in bold). The view moves the highlight with the
 * arrow keys; a click or Enter on the highlighted one fires a {@link ChooseEvent}. Pressing a
 * suggestion does not take the focus from the search field.
 */
class SearchSuggestions extends Composite<Div> {

    static final String ID = "search-suggestions";

    private final List<Div> options = new ArrayList<>();
    private List<String> titles = List.of();
    private int highlighted = -1;

    /** The user picked a suggestion. */
    static class ChooseEvent extends ComponentEvent<SearchSuggestions> {
        private final String title;

        ChooseEvent(SearchSuggestions source, String title) {
            super(source, false);
            this.title = title;
        }

        String title() {
            return title;
        }
    }

    SearchSuggestions() {
        getContent().setId(ID);
        getContent().addClassName("kb-suggestions");
        getContent().getElement().setAttribute("role", "listbox");
        getContent().getElement().setAttribute("aria-label", getTranslation("search.suggestions"));
        getContent().setVisible(false);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // a press would blur the field, and the blur closes the list before the click arrives
        getContent().getElement().executeJs("this.addEventListener('mousedown', e => e.preventDefault())");
    }

    /** Offers these titles for the typed text; closes the list when there are none. */
    void show(String typed, List<String> newTitles) {
        titles = List.copyOf(newTitles);
        highlighted = -1;
        options.clear();
        getContent().removeAll();
        for (int i = 0; i < titles.size(); i++) {
            String title = titles.get(i);
            Div option = new Div();
            option.setId(optionId(i));
            option.addClassName("search-suggestion");
            option.getElement().setAttribute("role", "option");
            option.getElement().setAttribute("aria-selected", "false");
            addText(option, title, typed == null ? "" : typed.strip());
            option.addClickListener(e -> fireEvent(new ChooseEvent(this, title)));
            options.add(option);
            getContent().add(option);
        }
        getContent().setVisible(!titles.isEmpty());
    }

    void close() {
        setHighlighted(-1);
        getContent().setVisible(false);
    }

    boolean isOpen() {
        return getContent().isVisible();
    }

    /**
     * Moves the highlight down ({@code +1}) or up ({@code -1}), through "none" at either end, like a
     * browser's own suggestion list; reopens a closed list that still has titles.
     */
    void move(int step) {
        if (titles.isEmpty()) {
            return;
        }
        if (!isOpen()) {
            getContent().setVisible(true);
            setHighlighted(step > 0 ? 0 : titles.size() - 1);
            return;
        }
        int slots = titles.size() + 1; // the titles and "none"
        int current = highlighted < 0 ? titles.size() : highlighted;
        int next = Math.floorMod(current + Integer.signum(step), slots);
        setHighlighted(next == titles.size() ? -1 : next);
    }

    /** The highlighted title of the open list. */
    Optional<String> highlighted() {
        return isOpen() && highlighted >= 0 ? Optional.of(titles.get(highlighted)) : Optional.empty();
    }

    /** The element id of the highlighted title, for {@code aria-activedescendant}; empty for none. */
    String highlightedId() {
        return highlighted().isPresent() ? optionId(highlighted) : "";
    }

    List<String> titles() {
        return titles;
    }

    Registration addChooseListener(ComponentEventListener<ChooseEvent> listener) {
        return addListener(ChooseEvent.class, listener);
    }

    /**
     * Where the typed text occurs in the title, ignoring case, or -1. Titles are short, so a plain
     * scan is fine, and unlike lower-casing both it never shifts positions.
     */
    static int matchAt(String title, String typed) {
        if (typed.isEmpty()) {
            return -1;
        }
        for (int i = 0; i + typed.length() <= title.length(); i++) {
            if (title.regionMatches(true, i, typed, 0, typed.length())) {
                return i;
            }
        }
        return -1;
    }

    private void setHighlighted(int index) {
        if (highlighted >= 0 && highlighted < options.size()) {
            options.get(highlighted).removeClassName("highlighted");
            options.get(highlighted).getElement().setAttribute("aria-selected", "false");
        }
        highlighted = index;
        if (index >= 0) {
            options.get(index).addClassName("highlighted");
            options.get(index).getElement().setAttribute("aria-selected", "true");
            options.get(index).getElement().executeJs("this.scrollIntoView({block: 'nearest'})");
        }
    }

    private static void addText(Div option, String title, String typed) {
        int at = matchAt(title, typed);
        if (at < 0) {
            option.setText(title);
            return;
        }
        Span match = new Span(title.substring(at, at + typed.length()));
        match.addClassName("kb-suggestion-match");
        option.add(new Span(title.substring(0, at)), match, new Span(title.substring(at + typed.length())));
    }

    private static String optionId(int index) {
        return "search-suggestion-" + index;
    }
}
