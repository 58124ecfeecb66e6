package org.kbportal.backend.system;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** What the repositories share: instants to and from {@code TIMESTAMP WITH TIME ZONE} columns, and row leases. */
public final class Rows {

    private Rows() {}

    /** An instant as a bind value (UTC); null stays null. */
    public static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    /** The instant in {@code column}, null when the column is. */
    public static Instant instant(Readable r, String column) {
        OffsetDateTime t = r.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * Takes the lease of row {@code id} of an outbox {@code table} for {@code owner} until {@code until} (a
     * {@link LeasedDrain}): true when no live lease held it and the row is still {@code open} (an SQL condition,
     * e.g. {@code sent_at IS NULL}), false when another instance was quicker or the row is done.
     */
    public static Mono<Boolean> lease(
            DatabaseClient db, String table, String open, long id, String owner, Instant now, Instant until) {
        return db.sql("UPDATE " + table + " SET locked_by = :o, locked_until = :u WHERE id = :id AND " + open
                        + " AND (locked_until IS NULL OR locked_until < :now)")
                .bind("o", owner)
                .bind("u", utc(until))
                .bind("id", id)
                .bind("now", utc(now))
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }
}
