package org.kbportal.backend.article;

import java.time.Instant;
import java.util.List;

/**
 * A knowledge article. FAQ: {@code title} is the question, {@code body} the answer. MANUAL: {@code
 * body} is Markdown split into sections by its headings. CASE: symptom, cause, resolution and the
 * affected system; {@code body} holds any further notes.
 */
public record Article(
        String id,
        ArticleType type,
        String lang,
        String category,
        String title,
        String body,
        String symptom,
        String cause,
        String resolution,
        String affectedSystem,
        List<String> tags,
        ArticleStatus status,
        int version,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt)
        implements ArticleContent {

    public Article {
        tags = tags == null ? List.of() : List.copyOf(tags);
        body = body == null ? "" : body;
    }

    /** The manual's sections (one for other types), each a retrievable unit. */
    public List<ManualSection> sections() {
        return type == ArticleType.MANUAL ? ManualSection.split(id, body) : List.of();
    }

    Article withStatus(ArticleStatus newStatus, String by, Instant at) {
        return toBuilder()
                .status(newStatus)
                .version(version + 1)
                .updated(by, at)
                .build();
    }

    /** A copy to change: {@code a.toBuilder().status(s).build()}. */
    public Builder toBuilder() {
        return new Builder()
                .id(id)
                .content(this)
                .status(status)
                .version(version)
                .createdBy(createdBy)
                .createdAt(createdAt)
                .updatedBy(updatedBy)
                .updatedAt(updatedAt);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Article} by named parts instead of a long positional list. */
    public static final class Builder {
        private String id;
        private ArticleType type;
        private String lang;
        private String category;
        private String title;
        private String body;
        private String symptom;
        private String cause;
        private String resolution;
        private String affectedSystem;
        private List<String> tags;
        private ArticleStatus status;
        private int version;
        private String createdBy;
        private Instant createdAt;
        private String updatedBy;
        private Instant updatedAt;

        private Builder() {}

        /** The content (type to tags) of an article or of one of its saved versions. */
        Builder content(ArticleContent c) {
            return type(c.type())
                    .lang(c.lang())
                    .category(c.category())
                    .title(c.title())
                    .body(c.body())
                    .symptom(c.symptom())
                    .cause(c.cause())
                    .resolution(c.resolution())
                    .affectedSystem(c.affectedSystem())
                    .tags(c.tags());
        }

        /** Created (and last changed) by {@code by} at {@code at}. */
        public Builder created(String by, Instant at) {
            return createdBy(by).createdAt(at).updated(by, at);
        }

        public Builder updated(String by, Instant at) {
            return updatedBy(by).updatedAt(at);
        }

        /** The next version of {@code current}: its version plus one, its creation kept. */
        public Builder revisionOf(Article current) {
            return version(current.version() + 1).createdBy(current.createdBy()).createdAt(current.createdAt());
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder type(ArticleType type) {
            this.type = type;
            return this;
        }

        public Builder lang(String lang) {
            this.lang = lang;
            return this;
        }

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder body(String body) {
            this.body = body;
            return this;
        }

        public Builder symptom(String symptom) {
            this.symptom = symptom;
            return this;
        }

        public Builder cause(String cause) {
            this.cause = cause;
            return this;
        }

        public Builder resolution(String resolution) {
            this.resolution = resolution;
            return this;
        }

        public Builder affectedSystem(String affectedSystem) {
            this.affectedSystem = affectedSystem;
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder status(ArticleStatus status) {
            this.status = status;
            return this;
        }

        public Builder version(int version) {
            this.version = version;
            return this;
        }

        public Builder createdBy(String createdBy) {
            this.createdBy = createdBy;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder updatedBy(String updatedBy) {
            this.updatedBy = updatedBy;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Article build() {
            return new Article(
                    id,
                    type,
                    lang,
                    category,
                    title,
                    body,
                    symptom,
                    cause,
                    resolution,
                    affectedSystem,
                    tags,
                    status,
                    version,
                    createdBy,
                    createdAt,
                    updatedBy,
                    updatedAt);
        }
    }
}
