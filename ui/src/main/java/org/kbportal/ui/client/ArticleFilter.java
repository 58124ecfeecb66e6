package org.kbportal.ui.client;

/**
 * Filters for listing articles; null or blank means "any".
 *
 * @param text part of the title or id
 */
public record ArticleFilter(String type, String status, String category, String lang, String text) {

    public static ArticleFilter none() {
        return new ArticleFilter(null, null, null, null, null);
    }
}
