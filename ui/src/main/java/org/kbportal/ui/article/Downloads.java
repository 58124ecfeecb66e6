package org.kbportal.ui.article;

/**
 * How manual originals and article attachments are served: always saved, never shown, whatever
 * their type (an uploaded HTML or SVG must not run in the portal's origin).
 */
final class Downloads {

    static final String SAVE_AS = "application/octet-stream";

    private Downloads() {}
}
