package org.kbportal.backend.article;

import java.time.Instant;
import java.util.List;

/**
 * An article as the API shows it. {@code section} is set when the request named one of a manual's
 * sections ({@code MANUAL-ID~3}).
 */
public record ArticleView(
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
        List<SectionView> sections,
        Integer section) {

    /** A manual section: its unit id, number, heading and (for PDF uploads) the page it starts on. */
    public record SectionView(String id, int number, String heading, Integer page) {}

    static ArticleView of(Article a, String requestedId) {
        List<SectionView> sections = a.sections().stream()
                .map(s -> new SectionView(s.id(), s.number(), s.heading(), s.page()))
                .toList();
        Integer section = null;
        for (SectionView s : sections) {
            if (s.id().equals(requestedId)) {
                section = s.number();
            }
        }
        return new ArticleView(
                a.id(),
                a.type().apiName(),
                a.lang(),
                a.category(),
                a.title(),
                a.body(),
                a.symptom(),
                a.cause(),
                a.resolution(),
                a.affectedSystem(),
                a.tags(),
                a.status().name(),
                a.version(),
                a.createdBy(),
                a.createdAt(),
                a.updatedBy(),
                a.updatedAt(),
                sections,
                section);
    }
}
