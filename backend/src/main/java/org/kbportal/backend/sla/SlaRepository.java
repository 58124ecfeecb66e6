package org.kbportal.backend.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class SlaRepository {

    private final DatabaseClient db;

    SlaRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<SlaPolicy> policies() {
        return db.sql("SELECT kind, severity, reply_minutes, resolve_minutes, working_time FROM sla_policy"
                        + " ORDER BY kind, severity")
                .map(r -> new SlaPolicy(
                        r.get("kind", String.class),
                        r.get("severity", String.class),
                        ((Number) r.get("reply_minutes")).intValue(),
                        ((Number) r.get("resolve_minutes")).intValue(),
                        Boolean.TRUE.equals(r.get("working_time", Boolean.class))))
                .all();
    }

    Mono<Long> updatePolicy(SlaPolicy p) {
        return db.sql("UPDATE sla_policy SET reply_minutes = :r, resolve_minutes = :s, working_time = :w"
                        + " WHERE kind = :k AND severity = :v")
                .bind("r", p.replyMinutes())
                .bind("s", p.resolveMinutes())
                .bind("w", p.workingTime())
                .bind("k", p.kind())
                .bind("v", p.severity())
                .fetch()
                .rowsUpdated();
    }

    record HoursRow(DayOfWeek day, LocalTime start, LocalTime end) {}

    Flux<HoursRow> hours() {
        return db.sql("SELECT day_of_week, start_time, end_time FROM business_hours ORDER BY day_of_week")
                .map(r -> new HoursRow(
                        DayOfWeek.of(((Number) r.get("day_of_week")).intValue()),
                        r.get("start_time", LocalTime.class),
                        r.get("end_time", LocalTime.class)))
                .all();
    }

    Mono<Void> replaceHours(java.util.List<HoursRow> rows) {
        return db.sql("DELETE FROM business_hours")
                .then()
                .thenMany(Flux.fromIterable(rows)
                        .concatMap(h -> db.sql(
                                        "INSERT INTO business_hours (day_of_week, start_time, end_time) VALUES (:d, :s, :e)")
                                .bind("d", h.day().getValue())
                                .bind("s", h.start())
                                .bind("e", h.end())
                                .then()))
                .then();
    }

    record DayRow(LocalDate date, boolean working, String name) {}

    Flux<DayRow> days() {
        return db.sql("SELECT cal_date, working, name FROM calendar_day ORDER BY cal_date")
                .map(r -> new DayRow(
                        r.get("cal_date", LocalDate.class),
                        Boolean.TRUE.equals(r.get("working", Boolean.class)),
                        r.get("name", String.class)))
                .all();
    }

    Mono<Void> upsertDay(DayRow d) {
        return deleteDay(d.date())
                .then(db.sql("INSERT INTO calendar_day (cal_date, working, name) VALUES (:d, :w, :n)")
                        .bind("d", d.date())
                        .bind("w", d.working())
                        .bind("n", d.name() == null ? "" : d.name())
                        .then());
    }

    Mono<Void> deleteDay(LocalDate date) {
        return db.sql("DELETE FROM calendar_day WHERE cal_date = :d")
                .bind("d", date)
                .then();
    }
}
