package org.kbportal.backend.article;

import org.kbportal.backend.system.KbException;

/**
 * Life cycle of an article: DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED (a reviewer may send an
 * IN_REVIEW article back to DRAFT). Only PUBLISHED articles are visible to users and anonymous
 * visitors.
 */
public enum ArticleStatus {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    ARCHIVED;

    public static ArticleStatus parse(String value) {
        if (value != null) {
            for (ArticleStatus s : values()) {
                if (s.name().equalsIgnoreCase(value.strip())) {
                    return s;
                }
            }
        }
        throw KbException.badRequest(
                "invalid-status", "Unknown status '" + value + "': use DRAFT, IN_REVIEW, PUBLISHED or ARCHIVED.");
    }
}
