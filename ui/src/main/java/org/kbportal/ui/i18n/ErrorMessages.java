package org.kbportal.ui.i18n;

import java.util.Locale;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.Problem;
import org.springframework.stereotype.Component;

/**
 * Turns failures into one sentence a user can act on, in the user's language. Known backend
 * problem types have their own text ({@code problem.<type>}); unknown ones fall back to the
 * backend's own detail, which is written for people too. Never a class name or stack trace.
 */
@Component
public class ErrorMessages {

    private final KbI18NProvider texts;

    public ErrorMessages(KbI18NProvider texts) {
        this.texts = texts;
    }

    public String describe(Throwable failure, Locale locale) {
        BackendException backend = find(failure);
        if (backend == null) {
            return texts.getTranslation("error.unexpected", locale);
        }
        return switch (backend.kind()) {
            case UNAVAILABLE -> texts.getTranslation("error.unavailable", locale);
            case UNREADABLE -> texts.getTranslation("error.unreadable", locale);
            case PROBLEM -> describe(backend.problem().orElseThrow(), locale);
        };
    }

    private String describe(Problem problem, Locale locale) {
        String key = "problem." + problem.kbType();
        if (!problem.kbType().isEmpty() && texts.hasTranslation(key)) {
            String text = texts.getTranslation(key, locale, problem.properties().getOrDefault("currentVersion", ""));
            return withFieldErrors(text, problem, locale);
        }
        if (problem.status() >= 500) {
            return texts.getTranslation("error.server", locale);
        }
        String byStatus = "error.status." + problem.status();
        if (problem.detail() == null && texts.hasTranslation(byStatus)) {
            return texts.getTranslation(byStatus, locale);
        }
        return problem.describe();
    }

    private String withFieldErrors(String text, Problem problem, Locale locale) {
        StringBuilder out = new StringBuilder(text);
        for (Problem.FieldError e : problem.errors()) {
            String fieldKey = "field." + e.field();
            String field = texts.hasTranslation(fieldKey) ? texts.getTranslation(fieldKey, locale) : e.field();
            out.append(' ').append(texts.getTranslation("error.field", locale, field, e.message()));
        }
        return out.toString();
    }

    private static BackendException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BackendException b) {
                return b;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
