package org.kbportal.backend.duty;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.kbportal.backend.article.CategoryReferences;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Expert skills (category codes) follow a category merge, so routing keeps working. */
@Component
class SkillCategories implements CategoryReferences {

    private final DatabaseClient db;

    SkillCategories(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Long> moveCategory(String from, String to) {
        return db.sql("SELECT user_id, skills FROM expert")
                .map(r -> new Object[] {r.get("user_id"), r.get("skills", String.class)})
                .all()
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .filter(row -> skills((String) row[1]).contains(from))
                .concatMap(row -> {
                    Set<String> next = new LinkedHashSet<>();
                    for (String s : skills((String) row[1])) {
                        next.add(s.equals(from) ? to : s);
                    }
                    return db.sql("UPDATE expert SET skills = :skills WHERE user_id = :id")
                            .bind("skills", String.join(",", next))
                            .bind("id", row[0])
                            .fetch()
                            .rowsUpdated();
                })
                .reduce(0L, Long::sum);
    }

    private static Set<String> skills(String joined) {
        Set<String> out = new LinkedHashSet<>();
        if (joined != null) {
            Arrays.stream(joined.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(out::add);
        }
        return out;
    }
}
