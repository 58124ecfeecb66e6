package org.kbportal.ui.layout;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;
import org.kbportal.ui.session.AccessDeniedException;

/** Shown to signed-in users who open a page their role does not allow. */
@ParentLayout(MainLayout.class)
class ForbiddenView extends Composite<Div> implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        getContent().removeAll();
        getContent()
                .add(ProblemPage.build(
                        "forbidden",
                        VaadinIcon.LOCK,
                        getTranslation("forbidden.title"),
                        getTranslation("forbidden.text"),
                        getTranslation("notfound.back")));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
