package org.kbportal.ui.search;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import java.util.Map;
import org.kbportal.ui.client.CategoryCatalog;
import org.kbportal.ui.client.SearchQuery;
import org.kbportal.ui.client.SearchResults;

/**
 * Facet counts as filter buttons ({@code facet-<field>-<value>}), plus the active filters, each
 * removable ({@code filter-remove-<field>}). Fires {@link FilterEvent}s.
 */
class FacetPanel extends Composite<Div> {

    private final CategoryCatalog categories;

    /** Set a filter, or remove it when {@code value} is null. */
    static class FilterEvent extends ComponentEvent<FacetPanel> {
        private final String field;
        private final String value;

        FilterEvent(FacetPanel source, String field, String value) {
            super(source, false);
            this.field = field;
            this.value = value;
        }

        String field() {
            return field;
        }

        String value() {
            return value;
        }
    }

    FacetPanel(CategoryCatalog categories) {
        this.categories = categories;
        getContent().addClassName("kb-facets");
        getContent().setId("search-facets");
    }

    void show(SearchQuery query, SearchResults results) {
        getContent().removeAll();
        showActive(query);
        for (String field : SearchParams.FILTERS) {
            Map<String, Long> counts = results.facet(field);
            if (counts.isEmpty()) {
                continue;
            }
            Div group = new Div(new H3(getTranslation("facet." + field)));
            group.addClassName("kb-facet-group");
            counts.forEach((value, count) -> group.add(facetButton(query, field, value, count)));
            getContent().add(group);
        }
    }

    /** The words people read for a facet value: translated type and language, category name. */
    String label(String field, String value) {
        return switch (field) {
            case "category" -> categories.name(value, getLocale());
            case "type", "lang" -> getTranslation(field + "." + value);
            default -> value;
        };
    }

    Registration addFilterListener(ComponentEventListener<FilterEvent> listener) {
        return addListener(FilterEvent.class, listener);
    }

    private void showActive(SearchQuery query) {
        Div active = new Div();
        active.addClassName("kb-active-filters");
        for (String field : SearchParams.FILTERS) {
            String value = query.filter(field);
            if (value != null) {
                Button chip = new Button(
                        getTranslation("facet.active", getTranslation("facet." + field), label(field, value)),
                        VaadinIcon.CLOSE_SMALL.create(),
                        e -> fireEvent(new FilterEvent(this, field, null)));
                chip.setIconAfterText(true);
                chip.setId("filter-remove-" + field);
                chip.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
                chip.getElement().setAttribute("title", getTranslation("facet.remove"));
                active.add(chip);
            }
        }
        if (active.getComponentCount() > 0) {
            getContent().add(new H3(getTranslation("facet.active.title")), active);
        }
    }

    private Button facetButton(SearchQuery query, String field, String value, long count) {
        boolean selected = value.equals(query.filter(field));
        Button button = new Button(getTranslation("facet.count", label(field, value), count));
        button.setId("facet-" + field + "-" + value);
        button.addClassName("kb-facet");
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.addThemeVariants(selected ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
        button.getElement().setAttribute("aria-pressed", Boolean.toString(selected));
        // a second click on the active value removes the filter again
        button.addClickListener(e -> fireEvent(new FilterEvent(this, field, selected ? null : value)));
        return button;
    }
}
