package org.kbportal.ui.navigation;

import com.vaadin.flow.router.NotFoundException;

/**
 * Something a valid route points to does not exist (an unknown article id). Its message is shown
 * to the user as is, so it must be a translated, friendly sentence.
 */
public class ContentNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public ContentNotFoundException(String friendlyMessage) {
        super(friendlyMessage);
    }
}
