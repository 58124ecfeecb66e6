package org.kbportal.ui.layout;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;
import org.kbportal.ui.navigation.ContentNotFoundException;

/** "Not found" for unknown paths and for unknown or unpublished articles. */
@ParentLayout(MainLayout.class)
class NotFoundView extends Composite<Div> implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        String explanation = parameter.getException() instanceof ContentNotFoundException missing
                ? missing.getMessage()
                : getTranslation("notfound.text");
        getContent().removeAll();
        getContent()
                .add(ProblemPage.build(
                        "not-found",
                        VaadinIcon.SEARCH_MINUS,
                        getTranslation("notfound.title"),
                        explanation,
                        getTranslation("notfound.back")));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
