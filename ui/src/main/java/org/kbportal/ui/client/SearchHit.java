package org.kbportal.ui.client;

/**
 * One search hit.
 *
 * @param id the unit that matched: an article id, or {@code MANUAL-ID~3} for a manual section
 * @param articleId the article the unit belongs to
 * @param snippet HTML-escaped text with matched terms in {@code <em>}; sanitise before showing
 */
public record SearchHit(
        String id,
        String articleId,
        String type,
        String title,
        String snippet,
        String category,
        String lang,
        String status,
        float score) {}
