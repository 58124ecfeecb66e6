package org.kbportal.ui.article;

import com.vaadin.flow.component.html.Span;
import java.util.Locale;

/** Small labels for an article's type, status and language, shared by search, article and admin pages. */
public final class ArticleBadges {

    private ArticleBadges() {}

    /** "常见问题" / "FAQ", coloured per type. */
    public static Span type(String type) {
        return badge("type", type == null ? "" : type.toLowerCase(Locale.ROOT));
    }

    /** "草稿" / "Draft", coloured per status. */
    public static Span status(String status) {
        return badge("status", status == null ? "" : status.toUpperCase(Locale.ROOT));
    }

    /** "中文" / "English". */
    public static Span lang(String lang) {
        return badge("lang", lang == null ? "" : lang.toLowerCase(Locale.ROOT));
    }

    private static Span badge(String kind, String value) {
        Span badge = new Span();
        badge.setText(badge.getTranslation(kind + "." + value));
        badge.addClassNames("kb-badge", "kb-badge-" + kind, "kb-badge-" + kind + "-" + value.toLowerCase(Locale.ROOT));
        return badge;
    }
}
