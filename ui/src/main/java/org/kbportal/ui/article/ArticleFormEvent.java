package org.kbportal.ui.article;

import com.vaadin.flow.component.ComponentEvent;

/**
 * What the {@link ArticleForm} tells its view; every event carries the draft it concerns. The
 * form never calls the backend itself, so it can be tested without one.
 */
abstract class ArticleFormEvent extends ComponentEvent<ArticleForm> {

    private final ArticleDraft draft;

    ArticleFormEvent(ArticleForm source, ArticleDraft draft) {
        super(source, false);
        this.draft = draft;
    }

    ArticleDraft draft() {
        return draft;
    }

    /** Valid values to store. */
    static class SaveEvent extends ArticleFormEvent {
        SaveEvent(ArticleForm source, ArticleDraft draft) {
            super(source, draft);
        }
    }

    /** Make the saved article public. */
    static class PublishEvent extends ArticleFormEvent {
        PublishEvent(ArticleForm source, ArticleDraft draft) {
            super(source, draft);
        }
    }

    /** Withdraw the saved article from readers. */
    static class ArchiveEvent extends ArticleFormEvent {
        ArchiveEvent(ArticleForm source, ArticleDraft draft) {
            super(source, draft);
        }
    }

    /** Leave the editor. */
    static class CloseEvent extends ArticleFormEvent {
        CloseEvent(ArticleForm source, ArticleDraft draft) {
            super(source, draft);
        }
    }
}
