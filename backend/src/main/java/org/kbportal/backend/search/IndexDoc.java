package org.kbportal.backend.search;

import java.util.List;

/**
 * One retrievable unit in the index: a FAQ, a case, or one section of a manual.
 *
 * @param id unit id ({@code ARTICLE-ID} or {@code MANUAL-ID~n})
 * @param articleId the article it belongs to
 * @param primary true for exactly one unit per article (used to count articles)
 * @param type faq, manual or case
 * @param lang zh or en; also says which model made {@code vector}
 * @param category category code or null; {@code categoryPath} holds it and its ancestors
 * @param status article status name
 * @param title what a hit shows as its title
 * @param body plain text to search and to cut snippets from
 * @param vector the unit's embedding (normalised; 512 dimensions for zh (bge-small-zh), 384 for en (bge-small-en)), or null until computed
 */
public record IndexDoc(
        String id,
        String articleId,
        boolean primary,
        String type,
        String lang,
        String category,
        List<String> categoryPath,
        String status,
        String title,
        String body,
        List<String> tags,
        long updatedAt,
        float[] vector) {

    public IndexDoc withVector(float[] v) {
        return new IndexDoc(
                id, articleId, primary, type, lang, category, categoryPath, status, title, body, tags, updatedAt, v);
    }
}
