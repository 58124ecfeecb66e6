package org.kbportal.backend.account;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class OrganisationRepository {

    private final DatabaseClient db;

    OrganisationRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<Organisation> findAll() {
        return db.sql("SELECT id, name, created_at FROM organisation ORDER BY name")
                .map(OrganisationRepository::organisation)
                .all();
    }

    Mono<Organisation> findById(long id) {
        return db.sql("SELECT id, name, created_at FROM organisation WHERE id = :id")
                .bind("id", id)
                .map(OrganisationRepository::organisation)
                .one();
    }

    Mono<Organisation> insert(String name, Instant now) {
        return db.sql("INSERT INTO organisation (name, created_at) VALUES (:n, :t)")
                .bind("n", name)
                .bind("t", now.atOffset(ZoneOffset.UTC))
                .then()
                .then(db.sql("SELECT id, name, created_at FROM organisation WHERE name = :n")
                        .bind("n", name)
                        .map(OrganisationRepository::organisation)
                        .one());
    }

    /** Renames; the accounts' denormalised {@code unit} follows in the same transaction. */
    Mono<Void> rename(long id, String name) {
        return db.sql("UPDATE organisation SET name = :n WHERE id = :id")
                .bind("n", name)
                .bind("id", id)
                .then()
                .then(db.sql("UPDATE app_user SET unit = :n WHERE organisation_id = :id")
                        .bind("n", name)
                        .bind("id", id)
                        .then());
    }

    private static Organisation organisation(Readable r) {
        OffsetDateTime created = r.get("created_at", OffsetDateTime.class);
        return new Organisation(
                ((Number) r.get("id")).longValue(),
                r.get("name", String.class),
                created == null ? null : created.toInstant());
    }
}
