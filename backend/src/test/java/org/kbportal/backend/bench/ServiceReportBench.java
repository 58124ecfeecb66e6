package org.kbportal.backend.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.sla.SlaCalculator;
import org.kbportal.backend.sla.SlaService;
import org.kbportal.backend.testing.BackendServer;

/**
 * Report generation time for a month of 10,000 questions (with ~45,000 timeline events, ratings,
 * escalations and 30,000 logged searches) on the embedded H2 database: the JSON report and each
 * export through HTTP, warm, median of 5. Not part of the suite (not a *Test); run on demand:
 *
 * <pre>./mvnw -B -pl backend -Dtest=ServiceReportBench -Dsurefire.failIfNoSpecifiedTests=false test</pre>
 *
 * The figures go to {@code target/service-report-bench.txt} and docs/BENCHMARKS.md.
 */
class ServiceReportBench {

    static final int QUESTIONS = Integer.getInteger("kb.bench.questions", 10_000);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate MONTH = LocalDate.of(2026, 10, 1);
    static final String[] KINDS = {"FAULT", "FAULT", "FAULT", "CONSULTATION", "CONSULTATION", "SUGGESTION"};
    static final String[] CATEGORIES = {"network", "database", "software", "business", "security", "backup"};

    @Test
    void measureReportGeneration() throws Exception {
        Path dir = BackendServer.tempDataDir("kb-report-bench");
        try (BackendServer server = BackendServer.start(
                dir,
                Map.of(
                        "kb.seed.index-data", "false",
                        "kb.search.embeddings", "false",
                        "kb.questions.sla-check-interval", "24h",
                        "logging.level.root", "warn"))) {
            SlaCalculator calc = server.bean(SlaService.class).calculator().block(Duration.ofSeconds(30));
            long t0 = System.nanoTime();
            generate(dir, calc);
            double genSeconds = (System.nanoTime() - t0) / 1e9;
            String admin = server.login("admin", "admin-demo-2026");
            StringBuilder out = new StringBuilder();
            out.append(
                    String.format("%d questions generated in %.1f s (H2 file, JDBC batches)%n", QUESTIONS, genSeconds));
            List<String> formats = List.of("json", "csv", "xlsx", "pdf");
            for (String format : formats) {
                List<Double> ms = new ArrayList<>();
                int size = 0;
                for (int i = 0; i < 6; i++) {
                    // a different (empty) last day each time: the service caches a period for 30 s
                    String uri = "/api/reports/service?from=2026-10-01&to="
                            + LocalDate.of(2026, 10, 31).plusDays(i + 10L * formats.indexOf(format));
                    long s = System.nanoTime();
                    byte[] body = server.client()
                            .get()
                            .uri(uri + (format.equals("json") ? "" : "&format=" + format))
                            .header("Authorization", "Bearer " + admin)
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody(byte[].class)
                            .returnResult()
                            .getResponseBody();
                    double took = (System.nanoTime() - s) / 1e6;
                    size = body.length;
                    if (i > 0) { // the first is the warm-up (class loading, font, JIT)
                        ms.add(took);
                    } else {
                        out.append(String.format("%s first (cold) %.0f ms%n", format, took));
                    }
                    if (format.equals("json") && i == 0) {
                        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8))
                                .contains("\"total\":" + QUESTIONS);
                    }
                }
                Collections.sort(ms);
                out.append(String.format(
                        "%s warm median %.0f ms (min %.0f, max %.0f), %d bytes%n",
                        format, ms.get(ms.size() / 2), ms.get(0), ms.get(ms.size() - 1), size));
            }
            System.out.print(out);
            Files.writeString(Path.of("target", "service-report-bench.txt"), out.toString());
        }
    }

    /** A deterministic month of questions written with JDBC batches into the backend's own H2 database. */
    static void generate(Path dir, SlaCalculator calc) throws Exception {
        Random rnd = new Random(42);
        String url = "jdbc:h2:async:" + dir + "/db/kb;DB_CLOSE_DELAY=-1;WRITE_DELAY=0";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            long asker = id(c, "user");
            long[] experts = {id(c, "expert"), id(c, "expert2"), id(c, "vendor")};
            long firstId;
            try (Statement st = c.createStatement();
                    var rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM question")) {
                rs.next();
                firstId = rs.getLong(1) + 1;
            }
            PreparedStatement q = c.prepareStatement("INSERT INTO question (id, title, body, kind, severity, category,"
                    + " asker_id, status, assignee_id, tier, escalated, working_time, reply_due_at, resolve_due_at,"
                    + " first_reply_at, resolved_at, version, created_at, updated_at)"
                    + " VALUES (?, ?, '<p>bench</p>', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)");
            PreparedStatement e = c.prepareStatement("INSERT INTO question_event (question_id, type, actor_id,"
                    + " from_status, to_status, detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
            PreparedStatement r = c.prepareStatement("INSERT INTO question_rating (question_id, attitude, expertise,"
                    + " timeliness, comment, flagged, rated_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            long monthSeconds = Duration.ofDays(31).toSeconds();
            Instant start = MONTH.atStartOfDay(ZONE).toInstant();
            for (int i = 0; i < QUESTIONS; i++) {
                long id = firstId + i;
                String kind = KINDS[rnd.nextInt(KINDS.length)];
                boolean wt = kind.equals("SUGGESTION");
                Instant created = start.plusSeconds((long) (rnd.nextDouble() * (monthSeconds - 7200)));
                Instant replyDue = calc.add(created, Duration.ofMinutes(wt ? 240 : 60), wt);
                Instant resolveDue = calc.add(created, Duration.ofMinutes(wt ? 1440 : 240), wt);
                Instant reply = rnd.nextInt(10) == 0 ? null : created.plusSeconds(60L * (5 + rnd.nextInt(110)));
                int fate = rnd.nextInt(10); // 0-5 resolved/closed, 6 answered, 7-8 in progress, 9 new
                String status = reply == null
                        ? "NEW"
                        : fate <= 2 ? "CLOSED" : fate <= 5 ? "RESOLVED" : fate == 6 ? "ANSWERED" : "IN_PROGRESS";
                Instant answered = status.equals("NEW") || status.equals("IN_PROGRESS")
                        ? null
                        : reply.plusSeconds(60L * (10 + rnd.nextInt(300)));
                Instant resolved =
                        status.equals("CLOSED") || status.equals("RESOLVED") ? answered.plusSeconds(3600) : null;
                boolean escalated = rnd.nextInt(20) == 0;
                long assignee = experts[escalated ? 1 + rnd.nextInt(2) : rnd.nextInt(2)];
                q.setLong(1, id);
                q.setString(2, "问题 " + id);
                q.setString(3, kind);
                q.setString(4, String.valueOf((char) ('A' + rnd.nextInt(5))));
                q.setString(5, CATEGORIES[rnd.nextInt(CATEGORIES.length)]);
                q.setLong(6, asker);
                q.setString(7, status);
                if (status.equals("NEW")) {
                    q.setNull(8, java.sql.Types.BIGINT);
                } else {
                    q.setLong(8, assignee);
                }
                q.setString(9, escalated ? "L2" : "L1");
                q.setBoolean(10, escalated);
                q.setBoolean(11, wt);
                q.setObject(12, utc(replyDue));
                q.setObject(13, utc(resolveDue));
                q.setObject(14, utc(reply));
                q.setObject(15, utc(resolved));
                q.setObject(16, utc(created));
                q.setObject(17, utc(created));
                q.addBatch();
                event(e, id, "CREATED", null, null, "NEW", kind, created);
                if (reply != null) {
                    event(e, id, "STATUS", assignee, "NEW", "ASSIGNED", null, created.plusSeconds(1));
                    boolean waits = rnd.nextInt(10) == 0;
                    event(
                            e,
                            id,
                            "STATUS",
                            assignee,
                            "ASSIGNED",
                            waits ? "WAITING_FOR_USER" : "IN_PROGRESS",
                            null,
                            reply);
                    if (waits) {
                        event(e, id, "STATUS", null, "WAITING_FOR_USER", "IN_PROGRESS", null, reply.plusSeconds(1800));
                    }
                }
                if (escalated) {
                    event(
                            e,
                            id,
                            "ESCALATED",
                            rnd.nextBoolean() ? null : assignee,
                            "IN_PROGRESS",
                            "ASSIGNED",
                            "→ expert2 (L2): " + (rnd.nextBoolean() ? "reply time exceeded" : "需要二线支持"),
                            created.plusSeconds(3000));
                }
                if (answered != null) {
                    event(e, id, "STATUS", assignee, "IN_PROGRESS", "ANSWERED", null, answered);
                }
                if (resolved != null) {
                    event(e, id, "STATUS", null, "ANSWERED", "RESOLVED", null, resolved);
                    if (rnd.nextBoolean()) {
                        int a = 1 + rnd.nextInt(5);
                        int x = 1 + rnd.nextInt(5);
                        int t = 1 + rnd.nextInt(5);
                        r.setLong(1, id);
                        r.setInt(2, a);
                        r.setInt(3, x);
                        r.setInt(4, t);
                        r.setString(5, rnd.nextInt(4) == 0 ? "评价意见 " + id : null);
                        r.setBoolean(6, Math.min(a, Math.min(x, t)) <= 2);
                        r.setLong(7, asker);
                        r.setObject(8, utc(resolved.plusSeconds(600)));
                        r.addBatch();
                    }
                }
                if (i % 500 == 499) {
                    q.executeBatch();
                    e.executeBatch();
                    r.executeBatch();
                    c.commit();
                }
            }
            q.executeBatch();
            e.executeBatch();
            r.executeBatch();
            long firstLogId;
            try (Statement st = c.createStatement();
                    var rs = st.executeQuery("SELECT next_id FROM id_block WHERE name = 'search_log'")) {
                rs.next();
                firstLogId = rs.getLong(1);
            }
            PreparedStatement s = c.prepareStatement("INSERT INTO search_log (query, hits, latency_ms, user_role,"
                    + " created_at, id) VALUES (?, ?, 5, 'USER', ?, ?)");
            for (int i = 0; i < 30_000; i++) {
                s.setLong(4, firstLogId + i);
                int topic = rnd.nextInt(500);
                boolean zero = topic % 5 == 0;
                String query = (zero ? "找不到的问题 " : "VPN 连接 ") + topic + (rnd.nextBoolean() ? "" : " 怎么办");
                s.setString(1, query);
                s.setLong(2, zero ? 0 : 1 + rnd.nextInt(20));
                s.setObject(3, utc(start.plusSeconds((long) (rnd.nextDouble() * monthSeconds))));
                s.addBatch();
                if (i % 1000 == 999) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
            c.commit();
            // the portal's identity columns and search-log ids continue after the ids written here
            try (Statement st = c.createStatement()) {
                st.execute("UPDATE id_block SET next_id = " + (firstLogId + 30_000) + " WHERE name = 'search_log'");
                st.execute("ALTER TABLE question ALTER COLUMN id RESTART WITH " + (firstId + QUESTIONS));
            }
            c.commit();
        }
    }

    private static void event(
            PreparedStatement e, long q, String type, Long actor, String from, String to, String detail, Instant at)
            throws java.sql.SQLException {
        e.setLong(1, q);
        e.setString(2, type);
        if (actor == null) {
            e.setNull(3, java.sql.Types.BIGINT);
        } else {
            e.setLong(3, actor);
        }
        e.setString(4, from);
        e.setString(5, to);
        e.setString(6, detail);
        e.setObject(7, utc(at));
        e.addBatch();
    }

    private static long id(Connection c, String username) throws java.sql.SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM app_user WHERE username = ?")) {
            p.setString(1, username);
            try (var rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
