package org.kbportal.backend.article;

import static org.kbportal.backend.system.Rows.instant;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Articles and their version snapshots, in plain SQL that runs on H2 and PostgreSQL. */
@Repository
class ArticleRepository {

    private static final String COLUMNS = "id, type, lang, category, title, body, symptom, cause, resolution,"
            + " affected_system, tags, status, version, created_by, created_at, updated_by, updated_at";

    private final DatabaseClient db;

    ArticleRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Article> findById(String id) {
        return db.sql("SELECT " + COLUMNS + " FROM article WHERE id = :id")
                .bind("id", id)
                .map(ArticleRepository::article)
                .one();
    }

    Flux<String> existingIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT id FROM article WHERE id IN (:ids)")
                .bind("ids", ids)
                .map(r -> r.get("id", String.class))
                .all();
    }

    Flux<Article> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT " + COLUMNS + " FROM article WHERE id IN (:ids)")
                .bind("ids", ids)
                .map(ArticleRepository::article)
                .all();
    }

    Flux<Article> findByCategories(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT " + COLUMNS + " FROM article WHERE category IN (:codes) ORDER BY id")
                .bind("codes", codes)
                .map(ArticleRepository::article)
                .all();
    }

    /** Articles whose tag list may contain {@code tag} (a prefilter; callers check the exact tag). */
    Flux<Article> findByTagText(String tag) {
        return db.sql("SELECT " + COLUMNS + " FROM article WHERE LOWER(tags) LIKE :like ORDER BY id")
                .bind("like", "%" + escapeLike(tag.toLowerCase(java.util.Locale.ROOT)) + "%")
                .map(ArticleRepository::article)
                .all();
    }

    /** Every tag list (for the tag overview). */
    Flux<List<String>> allTags() {
        return db.sql("SELECT tags FROM article WHERE tags <> ''")
                .map(r -> tags(r.get("tags", String.class)))
                .all();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    Flux<Article> changedSince(Instant since) {
        return db.sql("SELECT " + COLUMNS + " FROM article WHERE updated_at >= :since")
                .bind("since", ts(since))
                .map(ArticleRepository::article)
                .all();
    }

    Flux<Article> findAll() {
        return db.sql("SELECT " + COLUMNS + " FROM article ORDER BY id")
                .map(ArticleRepository::article)
                .all();
    }

    Mono<Long> count() {
        return db.sql("SELECT COUNT(*) AS n FROM article")
                .map(r -> ((Number) r.get("n")).longValue())
                .one();
    }

    Flux<Article> list(ArticleQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM article WHERE 1 = 1");
        appendFilters(sql, q);
        sql.append(" ORDER BY updated_at DESC, id LIMIT :limit OFFSET :offset");
        GenericExecuteSpec spec = bindFilters(db.sql(sql.toString()), q)
                .bind("limit", q.size())
                .bind("offset", (long) q.page() * q.size());
        return spec.map(ArticleRepository::article).all();
    }

    Mono<Long> countList(ArticleQuery q) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) AS n FROM article WHERE 1 = 1");
        appendFilters(sql, q);
        return bindFilters(db.sql(sql.toString()), q)
                .map(r -> ((Number) r.get("n")).longValue())
                .one();
    }

    private static void appendFilters(StringBuilder sql, ArticleQuery q) {
        if (q.type() != null) {
            sql.append(" AND type = :type");
        }
        if (q.status() != null) {
            sql.append(" AND status = :status");
        }
        if (q.category() != null) {
            sql.append(" AND category = :category");
        }
        if (q.lang() != null) {
            sql.append(" AND lang = :lang");
        }
        if (q.text() != null) {
            sql.append(" AND (LOWER(title) LIKE :text OR LOWER(id) LIKE :text)");
        }
    }

    private static GenericExecuteSpec bindFilters(GenericExecuteSpec spec, ArticleQuery q) {
        if (q.type() != null) {
            spec = spec.bind("type", q.type().name());
        }
        if (q.status() != null) {
            spec = spec.bind("status", q.status().name());
        }
        if (q.category() != null) {
            spec = spec.bind("category", q.category());
        }
        if (q.lang() != null) {
            spec = spec.bind("lang", q.lang());
        }
        if (q.text() != null) {
            String like = "%"
                    + q.text()
                            .toLowerCase(java.util.Locale.ROOT)
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_")
                    + "%";
            spec = spec.bind("text", like);
        }
        return spec;
    }

    Mono<Void> insert(Article a) {
        return bindAll(
                        db.sql("INSERT INTO article (" + COLUMNS + ") VALUES (:id, :type, :lang, :category, :title,"
                                + " :body, :symptom, :cause, :resolution, :affected_system, :tags, :status, :version,"
                                + " :created_by, :created_at, :updated_by, :updated_at)"),
                        a)
                .then()
                .then(insertVersion(a));
    }

    /** Optimistic: updates only when the stored version is the one the caller read. */
    Mono<Boolean> update(Article a, int expectedVersion) {
        return bindAll(
                        db.sql("UPDATE article SET type = :type, lang = :lang, category = :category, title = :title,"
                                + " body = :body, symptom = :symptom, cause = :cause, resolution = :resolution,"
                                + " affected_system = :affected_system, tags = :tags, status = :status,"
                                + " version = :version, created_by = :created_by, created_at = :created_at,"
                                + " updated_by = :updated_by, updated_at = :updated_at"
                                + " WHERE id = :id AND version = :expected"),
                        a)
                .bind("expected", expectedVersion)
                .fetch()
                .rowsUpdated()
                .flatMap(n -> n == 1 ? insertVersion(a).thenReturn(true) : Mono.just(false));
    }

    private Mono<Void> insertVersion(Article a) {
        GenericExecuteSpec spec = db.sql("INSERT INTO article_version (article_id, version, type, lang, category,"
                + " title, body, symptom, cause, resolution, affected_system, tags, status, saved_by, saved_at)"
                + " VALUES (:id, :version, :type, :lang, :category, :title, :body, :symptom, :cause, :resolution,"
                + " :affected_system, :tags, :status, :updated_by, :updated_at)");
        spec = spec.bind("id", a.id())
                .bind("version", a.version())
                .bind("type", a.type().name());
        spec = spec.bind("lang", a.lang()).bind("title", a.title()).bind("body", a.body());
        spec = nullable(spec, "category", a.category());
        spec = nullable(spec, "symptom", a.symptom());
        spec = nullable(spec, "cause", a.cause());
        spec = nullable(spec, "resolution", a.resolution());
        spec = nullable(spec, "affected_system", a.affectedSystem());
        spec = spec.bind("tags", String.join(",", a.tags()))
                .bind("status", a.status().name());
        spec = spec.bind("updated_by", a.updatedBy()).bind("updated_at", ts(a.updatedAt()));
        return spec.then();
    }

    Flux<ArticleVersion> versions(String id) {
        return db.sql("SELECT article_id, version, type, lang, category, title, body, symptom, cause, resolution,"
                        + " affected_system, tags, status, saved_by, saved_at FROM article_version"
                        + " WHERE article_id = :id ORDER BY version DESC")
                .bind("id", id)
                .map(r -> new ArticleVersion(
                        r.get("article_id", String.class),
                        number(r, "version"),
                        ArticleType.valueOf(r.get("type", String.class)),
                        r.get("lang", String.class),
                        r.get("category", String.class),
                        r.get("title", String.class),
                        r.get("body", String.class),
                        r.get("symptom", String.class),
                        r.get("cause", String.class),
                        r.get("resolution", String.class),
                        r.get("affected_system", String.class),
                        tags(r.get("tags", String.class)),
                        ArticleStatus.valueOf(r.get("status", String.class)),
                        r.get("saved_by", String.class),
                        instant(r, "saved_at")))
                .all();
    }

    private static GenericExecuteSpec bindAll(GenericExecuteSpec spec, Article a) {
        spec = spec.bind("id", a.id()).bind("type", a.type().name()).bind("lang", a.lang());
        spec = nullable(spec, "category", a.category());
        spec = spec.bind("title", a.title()).bind("body", a.body());
        spec = nullable(spec, "symptom", a.symptom());
        spec = nullable(spec, "cause", a.cause());
        spec = nullable(spec, "resolution", a.resolution());
        spec = nullable(spec, "affected_system", a.affectedSystem());
        spec = spec.bind("tags", String.join(",", a.tags()))
                .bind("status", a.status().name())
                .bind("version", a.version())
                .bind("created_by", a.createdBy())
                .bind("created_at", ts(a.createdAt()))
                .bind("updated_by", a.updatedBy())
                .bind("updated_at", ts(a.updatedAt()));
        return spec;
    }

    private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static int number(Readable r, String column) {
        return ((Number) r.get(column)).intValue();
    }

    static List<String> tags(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static Article article(Readable r) {
        return Article.builder()
                .id(r.get("id", String.class))
                .type(ArticleType.valueOf(r.get("type", String.class)))
                .lang(r.get("lang", String.class))
                .category(r.get("category", String.class))
                .title(r.get("title", String.class))
                .body(r.get("body", String.class))
                .symptom(r.get("symptom", String.class))
                .cause(r.get("cause", String.class))
                .resolution(r.get("resolution", String.class))
                .affectedSystem(r.get("affected_system", String.class))
                .tags(tags(r.get("tags", String.class)))
                .status(ArticleStatus.valueOf(r.get("status", String.class)))
                .version(number(r, "version"))
                .createdBy(r.get("created_by", String.class))
                .createdAt(instant(r, "created_at"))
                .updatedBy(r.get("updated_by", String.class))
                .updatedAt(instant(r, "updated_at"))
                .build();
    }
}
