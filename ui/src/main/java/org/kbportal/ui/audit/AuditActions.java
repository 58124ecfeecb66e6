package org.kbportal.ui.audit;

import java.util.Locale;
import org.kbportal.ui.i18n.KbI18NProvider;

/**
 * Readable names of the action codes the audit log records ({@code auth.login} → 登录 / Signed in): one
 * text {@code audit.label.<code>} per code in both bundles; a code without one (a newer backend) is shown
 * as it is. The codes stay what the filter and the CSV use.
 */
final class AuditActions {

    static final String PREFIX = "audit.label.";

    private AuditActions() {}

    /** Whether the code has a name; one without is shown as data (the code itself), not as interface text. */
    static boolean named(KbI18NProvider texts, String code) {
        return code != null && texts.hasTranslation(PREFIX + code);
    }

    static String label(KbI18NProvider texts, String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String key = PREFIX + code;
        return texts.hasTranslation(key) ? texts.getTranslation(key, locale) : code;
    }
}
