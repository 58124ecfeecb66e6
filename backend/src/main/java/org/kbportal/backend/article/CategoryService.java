package org.kbportal.backend.article;

import java.util.List;
import java.util.Locale;
import org.kbportal.backend.system.KbException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The category tree (网络运维, 数据库管理, ...), editable by admins. */
@Service
public class CategoryService {

    private final DatabaseClient db;

    CategoryService(DatabaseClient db) {
        this.db = db;
    }

    public Flux<Category> all() {
        return db.sql("SELECT code, parent_code, name_zh, name_en, sort_order FROM category ORDER BY sort_order, code")
                .map(r -> new Category(
                        r.get("code", String.class),
                        r.get("parent_code", String.class),
                        r.get("name_zh", String.class),
                        r.get("name_en", String.class),
                        ((Number) r.get("sort_order")).intValue()))
                .all();
    }

    /** Finds a category by code or by its Chinese or English name, case-insensitively. */
    public Mono<Category> resolve(String codeOrName) {
        String wanted = codeOrName.strip().toLowerCase(Locale.ROOT);
        // read the (small) table to the end rather than cancelling the query at the first match: a
        // cancelled R2DBC query is the classic way to leak pooled connections
        return all().collectList()
                .flatMap(all -> all.stream()
                        .filter(c -> c.code().equalsIgnoreCase(wanted)
                                || c.nameZh().equals(codeOrName.strip())
                                || c.nameEn().toLowerCase(Locale.ROOT).equals(wanted))
                        .findFirst()
                        .map(Mono::just)
                        .orElseGet(() -> Mono.error(KbException.badRequest(
                                "unknown-category",
                                "Unknown category '" + codeOrName + "'; known: "
                                        + String.join(
                                                ", ",
                                                all.stream().map(Category::code).toList())))));
    }

    /** The code and the codes of all its descendants (for filtering by a subtree). */
    public Mono<List<String>> subtree(String code) {
        return all().collectList().map(list -> {
            java.util.List<String> out = new java.util.ArrayList<>();
            java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(code));
            while (!todo.isEmpty()) {
                String c = todo.pop();
                out.add(c);
                list.stream().filter(x -> c.equals(x.parentCode())).forEach(x -> todo.push(x.code()));
            }
            return out;
        });
    }

    public Mono<Category> create(Category c) {
        if (!c.code().matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            return Mono.error(KbException.badRequest(
                    "invalid-category", "Category code: lower-case letters, digits, '.', '_' or '-'."));
        }
        Mono<Void> parentCheck = c.parentCode() == null
                ? Mono.empty()
                : db.sql("SELECT code FROM category WHERE code = :p")
                        .bind("p", c.parentCode())
                        .map(r -> 1)
                        .one()
                        .switchIfEmpty(Mono.error(KbException.badRequest(
                                "unknown-category", "Unknown parent category '" + c.parentCode() + "'.")))
                        .then();
        var spec = db.sql("INSERT INTO category (code, parent_code, name_zh, name_en, sort_order)"
                        + " VALUES (:code, :parent, :zh, :en, :sort)")
                .bind("code", c.code())
                .bind("zh", c.nameZh())
                .bind("en", c.nameEn())
                .bind("sort", c.sortOrder());
        var bound =
                c.parentCode() == null ? spec.bindNull("parent", String.class) : spec.bind("parent", c.parentCode());
        return db.sql("SELECT code FROM category WHERE code = :c")
                .bind("c", c.code())
                .map(r -> 1)
                .one()
                .flatMap(x -> Mono.<Category>error(
                        KbException.conflict("category-exists", "Category '" + c.code() + "' exists.")))
                .switchIfEmpty(parentCheck.then(bound.then()).thenReturn(c));
    }
}
