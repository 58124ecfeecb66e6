package org.kbportal.ui.session;

/** Navigation to a page the signed-in user's role may not open; shown as a "forbidden" page. */
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
