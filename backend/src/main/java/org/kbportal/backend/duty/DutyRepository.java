package org.kbportal.backend.duty;

import io.r2dbc.spi.Readable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import org.kbportal.contract.duty.Tier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class DutyRepository {

    private static final String EXPERT = "SELECT e.user_id, u.username, u.display_name, u.email, e.tier, e.skills,"
            + " e.max_load, e.organisation, e.active, u.enabled, u.roles FROM expert e JOIN app_user u ON u.id = e.user_id";

    private final DatabaseClient db;

    DutyRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<Expert> experts() {
        return db.sql(EXPERT + " ORDER BY e.tier, u.username")
                .map(DutyRepository::toExpert)
                .all();
    }

    Mono<Expert> expert(long userId) {
        return db.sql(EXPERT + " WHERE e.user_id = :id")
                .bind("id", userId)
                .map(DutyRepository::toExpert)
                .one();
    }

    Mono<Void> insertExpert(Expert e) {
        return bindExpert(
                        db.sql("INSERT INTO expert (user_id, tier, skills, max_load, organisation, active)"
                                + " VALUES (:id, :tier, :skills, :load, :org, :active)"),
                        e)
                .then();
    }

    Mono<Long> updateExpert(Expert e) {
        return bindExpert(
                        db.sql("UPDATE expert SET tier = :tier, skills = :skills, max_load = :load,"
                                + " organisation = :org, active = :active WHERE user_id = :id"),
                        e)
                .fetch()
                .rowsUpdated();
    }

    private static GenericExecuteSpec bindExpert(GenericExecuteSpec spec, Expert e) {
        spec = spec.bind("id", e.userId())
                .bind("tier", e.tier().name())
                .bind("skills", String.join(",", e.skills()))
                .bind("load", e.maxLoad())
                .bind("active", e.active());
        return e.organisation() == null ? spec.bindNull("org", String.class) : spec.bind("org", e.organisation());
    }

    Flux<Shift> shifts() {
        return db.sql("SELECT id, expert_id, day_of_week, start_time, end_time FROM duty_shift ORDER BY expert_id, id")
                .map(r -> new Shift(
                        num(r, "id"),
                        num(r, "expert_id"),
                        DayOfWeek.of((int) num(r, "day_of_week")),
                        r.get("start_time", LocalTime.class),
                        r.get("end_time", LocalTime.class)))
                .all();
    }

    Mono<Long> insertShift(Shift s) {
        return db.sql("INSERT INTO duty_shift (expert_id, day_of_week, start_time, end_time) VALUES (:e, :d, :s, :t)")
                .bind("e", s.expertId())
                .bind("d", s.dayOfWeek().getValue())
                .bind("s", s.start())
                .bind("t", s.end())
                .filter(st -> st.returnGeneratedValues("id"))
                .map(r -> num(r, "id"))
                .one();
    }

    Mono<Long> deleteShift(long id) {
        return db.sql("DELETE FROM duty_shift WHERE id = :id")
                .bind("id", id)
                .fetch()
                .rowsUpdated();
    }

    Flux<DutyOverride> overrides(LocalDate from, LocalDate to) {
        return db.sql("SELECT id, expert_id, override_date, on_duty, start_time, end_time FROM duty_override"
                        + " WHERE override_date BETWEEN :f AND :t ORDER BY override_date, id")
                .bind("f", from)
                .bind("t", to)
                .map(r -> new DutyOverride(
                        num(r, "id"),
                        num(r, "expert_id"),
                        r.get("override_date", LocalDate.class),
                        Boolean.TRUE.equals(r.get("on_duty", Boolean.class)),
                        r.get("start_time", LocalTime.class),
                        r.get("end_time", LocalTime.class)))
                .all();
    }

    Mono<Long> insertOverride(DutyOverride o) {
        GenericExecuteSpec spec = db.sql("INSERT INTO duty_override (expert_id, override_date, on_duty, start_time,"
                        + " end_time) VALUES (:e, :d, :on, :s, :t)")
                .bind("e", o.expertId())
                .bind("d", o.date())
                .bind("on", o.onDuty());
        spec = o.start() == null ? spec.bindNull("s", LocalTime.class) : spec.bind("s", o.start());
        spec = o.end() == null ? spec.bindNull("t", LocalTime.class) : spec.bind("t", o.end());
        return spec.filter(st -> st.returnGeneratedValues("id"))
                .map(r -> num(r, "id"))
                .one();
    }

    Mono<Long> deleteOverride(long id) {
        return db.sql("DELETE FROM duty_override WHERE id = :id")
                .bind("id", id)
                .fetch()
                .rowsUpdated();
    }

    private static long num(Readable r, String column) {
        return ((Number) r.get(column)).longValue();
    }

    private static Expert toExpert(Readable r) {
        String skills = r.get("skills", String.class);
        return new Expert(
                num(r, "user_id"),
                r.get("username", String.class),
                r.get("display_name", String.class),
                r.get("email", String.class),
                Tier.valueOf(r.get("tier", String.class)),
                skills == null || skills.isBlank()
                        ? java.util.List.of()
                        : Arrays.stream(skills.split(",")).map(String::strip).toList(),
                (int) num(r, "max_load"),
                r.get("organisation", String.class),
                serving(r));
    }

    /**
     * The one rule for "acts as an expert": the registration is active, the account enabled and it
     * still has the EXPERT role ({@code roles} is the account's comma-separated list). A user whose
     * role was removed or who was disabled keeps the row (history, roster) but no expert rights.
     */
    private static boolean serving(Readable r) {
        String roles = r.get("roles", String.class);
        return Boolean.TRUE.equals(r.get("active", Boolean.class))
                && Boolean.TRUE.equals(r.get("enabled", Boolean.class))
                && roles != null
                && Arrays.stream(roles.split(",")).map(String::strip).anyMatch("EXPERT"::equals);
    }
}
