package org.kbportal.ui.layout;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.kbportal.ui.navigation.Routes;

/** The common look of the error pages: an icon, a heading, one explanation, a way back. */
final class ProblemPage {

    private ProblemPage() {}

    static Div build(String id, VaadinIcon icon, String heading, String explanation, String backText) {
        var link = Routes.link(Routes.SEARCH, backText);
        link.setId(id + "-back");
        var symbol = icon.create();
        symbol.addClassName("kb-problem-icon");
        Paragraph text = new Paragraph(explanation);
        text.setId(id + "-text");
        Div page = new Div(symbol, new H1(heading), text, link);
        page.setId(id);
        page.addClassName("kb-problem-page");
        return page;
    }
}
