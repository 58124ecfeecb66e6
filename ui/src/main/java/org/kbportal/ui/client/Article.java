package org.kbportal.ui.client;

import java.time.Instant;
import java.util.List;

/**
 * A knowledge article as the backend shows it. Type-specific fields are null where they do not
 * apply: {@code symptom}, {@code cause}, {@code resolution} and {@code affectedSystem} belong to
 * cases, {@code sections} to manuals.
 *
 * @param type {@code faq}, {@code manual} or {@code case}
 * @param status {@code DRAFT}, {@code IN_REVIEW}, {@code PUBLISHED} or {@code ARCHIVED}
 * @param section the section number when the article was requested by a section id
 */
public record Article(
        String id,
        String type,
        String lang,
        String category,
        String title,
        String body,
        String symptom,
        String cause,
        String resolution,
        String affectedSystem,
        List<String> tags,
        String status,
        int version,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        List<Section> sections,
        Integer section) {

    public static final String FAQ = "faq";
    public static final String MANUAL = "manual";
    public static final String CASE = "case";
    public static final List<String> TYPES = List.of(FAQ, MANUAL, CASE);

    public static final String DRAFT = "DRAFT";
    public static final String IN_REVIEW = "IN_REVIEW";
    public static final String PUBLISHED = "PUBLISHED";
    public static final String ARCHIVED = "ARCHIVED";
    public static final List<String> STATUSES = List.of(DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED);

    public static final List<String> LANGS = List.of("zh", "en");

    public Article {
        tags = tags == null ? List.of() : List.copyOf(tags);
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /**
     * A manual section: anchor target for the table of contents; {@code page} is where it starts
     * in the original PDF (null otherwise).
     */
    public record Section(String id, int number, String heading, Integer page) {

        public Section(String id, int number, String heading) {
            this(id, number, heading, null);
        }
    }

    /** The article id of a unit id: {@code MANUAL-ID~3} becomes {@code MANUAL-ID}. */
    public static String articleIdOf(String unitId) {
        int cut = unitId.indexOf('~');
        return cut < 0 ? unitId : unitId.substring(0, cut);
    }
}
