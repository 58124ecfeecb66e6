package org.kbportal.backend.question;

import org.kbportal.backend.article.CategoryReferences;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Questions follow a category merge (their category is a foreign key). */
@Component
class QuestionCategories implements CategoryReferences {

    private final DatabaseClient db;

    QuestionCategories(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Long> moveCategory(String from, String to) {
        return db.sql("UPDATE question SET category = :to WHERE category = :from")
                .bind("to", to)
                .bind("from", from)
                .fetch()
                .rowsUpdated();
    }
}
