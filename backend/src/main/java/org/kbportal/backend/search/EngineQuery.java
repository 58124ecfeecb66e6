package org.kbportal.backend.search;

import java.util.List;

/**
 * What an engine is asked: the user's text, synonym expansions (each an alternative phrase that
 * counts like the words it replaces, slightly down-weighted), whether to match words within a small
 * edit distance, an optional query vector (compared with units of the same language), and filters.
 *
 * @param text the query as typed
 * @param expansions synonym phrases to OR in (never null)
 * @param fuzzy also match English words within edit distance 1-2 (typo fallback)
 * @param vector the query embedding, or null for lexical only
 * @param vectorLang zh or en: which units' vectors the query vector is comparable with
 * @param type faq, manual or case, or null
 * @param categories category codes (a subtree), or null
 * @param lang zh or en, or null
 * @param includeUnpublished curators see drafts and archived units too
 */
public record EngineQuery(
        String text,
        List<String> expansions,
        boolean fuzzy,
        float[] vector,
        String vectorLang,
        String type,
        List<String> categories,
        String lang,
        boolean includeUnpublished) {

    public EngineQuery {
        expansions = expansions == null ? List.of() : List.copyOf(expansions);
    }

    public static EngineQuery lexical(String text, boolean includeUnpublished) {
        return new EngineQuery(text, List.of(), false, null, null, null, null, null, includeUnpublished);
    }

    public EngineQuery withVector(float[] v) {
        return new EngineQuery(text, expansions, fuzzy, v, vectorLang, type, categories, lang, includeUnpublished);
    }

    public EngineQuery withFuzzy() {
        return new EngineQuery(text, expansions, true, vector, vectorLang, type, categories, lang, includeUnpublished);
    }
}
