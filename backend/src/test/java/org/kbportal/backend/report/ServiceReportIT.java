package org.kbportal.backend.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kbportal.backend.report.ReportFixture.at;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kbportal.backend.sla.SlaCalculator;
import org.kbportal.backend.sla.SlaService;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The service report on a fixed, hand-built September 2026 (Asia/Shanghai) with hand-checked
 * figures: SLA compliance including a working-time suggestion across the Mid-Autumn holiday and a
 * weekend, cohort vs. event counting, the zone boundary of the period, zero-hit clusters; the three
 * exports read back (POI, PDFBox, a CSV parser), the charts, and who may see it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceReportIT {

    static final String SEPTEMBER = "/api/reports/service?from=2026-09-01&to=2026-09-30";

    BackendServer server;
    String admin;
    String user;
    ReportFixture fx;
    Instant q4ReplyDue;
    Instant q4ResolveDue;

    /** The backend under test: on the embedded H2 database here, on PostgreSQL in the subclass. */
    protected BackendServer startServer(Map<String, String> props) throws Exception {
        return BackendServer.start(BackendServer.tempDataDir("kb-report"), props);
    }

    protected void afterServer() throws Exception {}

    @BeforeAll
    void start() throws Exception {
        server = startServer(Map.of(
                "kb.seed.index-data", "false",
                "kb.search.embeddings", "false",
                // the monitor would escalate the fixture's overdue questions
                "kb.questions.sla-check-interval", "24h"));
        admin = server.login("admin", "admin-demo-2026");
        user = server.login("user", "user-demo-2026");
        fx = new ReportFixture(server.bean(DatabaseClient.class));
        seed();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        afterServer();
    }

    /** The data set; every expected figure below is counted by hand from it. */
    void seed() {
        long expert = fx.userId("expert");
        long expert2 = fx.userId("expert2");
        fx.holiday("2026-09-25", "中秋节");
        SlaCalculator calc = server.bean(SlaService.class).calculator().block(Duration.ofSeconds(30));

        // Q1 FAULT/A network: reply 30 min (met), answered after 120 min (met), closed; rated 5/5/4
        long q1 = fx.question(
                "FAULT",
                "A",
                "network",
                "CLOSED",
                "L1",
                expert,
                false,
                at("2026-09-01T10:00"),
                at("2026-09-01T11:00"),
                at("2026-09-01T14:00"),
                at("2026-09-01T10:30"),
                at("2026-09-01T13:00"));
        fx.status(q1, "ASSIGNED", "ANSWERED", at("2026-09-01T12:00"));
        fx.status(q1, "ANSWERED", "RESOLVED", at("2026-09-01T13:00"));
        fx.rating(q1, 5, 5, 4, "很快解决", at("2026-09-01T13:30"));
        fx.event(q1, "PUBLISHED", expert, null, null, "FAQ Q-" + q1 + "-faq", at("2026-09-02T09:00"));

        // Q2 FAULT/B network: first reply (a request for information) 90 min (missed), 60 min waiting for
        // the user (resolve due moved from 14:00 to 15:00), answered 14:30 (met, 270 - 60 = 210 min)
        long q2 = fx.question(
                "FAULT",
                "B",
                "network",
                "RESOLVED",
                "L1",
                expert,
                false,
                at("2026-09-02T10:00"),
                at("2026-09-02T11:00"),
                at("2026-09-02T15:00"),
                at("2026-09-02T11:30"),
                at("2026-09-02T16:00"));
        fx.status(q2, "ASSIGNED", "WAITING_FOR_USER", at("2026-09-02T11:30"));
        fx.status(q2, "WAITING_FOR_USER", "IN_PROGRESS", at("2026-09-02T12:30"));
        fx.status(q2, "IN_PROGRESS", "ANSWERED", at("2026-09-02T14:30"));
        fx.status(q2, "ANSWERED", "RESOLVED", at("2026-09-02T16:00"));
        fx.rating(q2, 2, 3, 1, "回复太慢", at("2026-09-03T10:00"));

        // Q3 CONSULTATION/C database: reply 20 min (met), escalated by hand, never answered (missed)
        long q3 = fx.question(
                "CONSULTATION",
                "C",
                "database",
                "IN_PROGRESS",
                "L2",
                expert2,
                false,
                at("2026-09-03T09:00"),
                at("2026-09-03T10:00"),
                at("2026-09-03T13:00"),
                at("2026-09-03T09:20"),
                null);
        fx.event(q3, "ESCALATED", expert, "IN_PROGRESS", "ASSIGNED", "→ expert2 (L2): 需要数据库专家", at("2026-09-03T12:00"));

        // Q4 SUGGESTION/D software, working time, asked Thursday 16:00 before the holiday (Fri 25th) and
        // the weekend: 2 h on Thursday + 2 h on Monday → reply due Mon 11:00; replied Mon 10:00 (met,
        // 120 + 60 = 180 working min; it would be missed without the holiday). Resolve due after 24
        // working hours (2 + 9 + 9 + 4) = Wed 30th 13:00; answered Tue 17:00: 120 + 540 + 480 = 1140.
        Instant created4 = at("2026-09-24T16:00");
        q4ReplyDue = calc.add(created4, Duration.ofMinutes(240), true);
        q4ResolveDue = calc.add(created4, Duration.ofMinutes(1440), true);
        long q4 = fx.question(
                "SUGGESTION",
                "D",
                "software",
                "RESOLVED",
                "L1",
                expert2,
                true,
                created4,
                q4ReplyDue,
                q4ResolveDue,
                at("2026-09-28T10:00"),
                at("2026-09-30T09:00"));
        fx.status(q4, "IN_PROGRESS", "ANSWERED", at("2026-09-29T17:00"));
        fx.status(q4, "ANSWERED", "RESOLVED", at("2026-09-30T09:00"));
        fx.event(q4, "PUBLISHED", expert2, null, null, "CASE Q-" + q4 + "-case", at("2026-09-29T18:00"));

        // Q5 SUGGESTION/E software asked on the holiday: clocks start Mon 09:00; no reply (missed),
        // escalated automatically at the reply breach into the empty L2 queue
        Instant created5 = at("2026-09-25T10:00");
        long q5 = fx.question(
                "SUGGESTION",
                "E",
                "software",
                "NEW",
                "L2",
                null,
                true,
                created5,
                calc.add(created5, Duration.ofMinutes(240), true),
                calc.add(created5, Duration.ofMinutes(1440), true),
                null,
                null);
        fx.event(q5, "SLA_BREACH", null, null, null, "reply time exceeded", at("2026-09-28T13:00"));
        fx.event(
                q5,
                "ESCALATED",
                null,
                "NEW",
                "NEW",
                "→ L2 queue (nobody available): reply time exceeded",
                at("2026-09-28T13:00"));

        // Q6 asked in August (not in the cohort), but its escalation, reopening and rating are September events
        long q6 = fx.question(
                "FAULT",
                "C",
                "network",
                "CLOSED",
                "L2",
                expert2,
                false,
                at("2026-08-31T23:00"),
                at("2026-09-01T00:00"),
                at("2026-09-01T03:00"),
                at("2026-08-31T23:10"),
                at("2026-09-02T08:00"));
        fx.event(q6, "SLA_BREACH", null, null, null, "resolution time exceeded", at("2026-09-01T03:00"));
        fx.event(
                q6,
                "ESCALATED",
                null,
                "IN_PROGRESS",
                "ASSIGNED",
                "→ expert2 (L2, 市大数据中心运维部): resolution time" + " exceeded",
                at("2026-09-01T03:00"));
        fx.status(q6, "RESOLVED", "REOPENED", at("2026-09-01T09:00"));
        fx.rating(q6, 4, 4, 4, null, at("2026-09-02T09:00"));

        // Q7 at 00:30 on 1 October Shanghai time (still 30 September in UTC): not in the period
        fx.question(
                "CONSULTATION",
                "A",
                "database",
                "NEW",
                "L1",
                null,
                false,
                at("2026-10-01T00:30"),
                at("2026-10-01T01:30"),
                at("2026-10-01T04:30"),
                null,
                null);
        // Q8 FAULT/E network at 23:30 on the 30th: in the period; no reply (missed), not resolved (missed)
        fx.question(
                "FAULT",
                "E",
                "network",
                "ASSIGNED",
                "L1",
                expert,
                false,
                at("2026-09-30T23:30"),
                at("2026-10-01T00:30"),
                at("2026-10-01T03:30"),
                null,
                null);

        fx.article("A-1", "FAQ", "network", at("2026-09-05T10:00"));
        fx.version("A-1", 2, "FAQ", "network", at("2026-09-10T10:00"));
        fx.article("Q-" + q1 + "-faq", "FAQ", "network", at("2026-09-02T09:00"));
        fx.article("OLD-1", "MANUAL", "network", at("2026-08-15T10:00"));
        // loaded from index-data/ at first start, in the month: starting stock, not a new article of the month
        fx.article("SEED-1", "FAQ", "network", at("2026-09-01T08:00"), "seed");
        fx.deflection("A-1", "vpn", at("2026-09-06T10:00"));
        fx.deflection("A-1", null, at("2026-09-07T10:00"));
        fx.deflection(null, "打印机", at("2026-09-08T10:00"));

        fx.search("VPN 连接失败", 5, 3, at("2026-09-10T10:00"));
        fx.search("vpn连接失败", 4, 1, at("2026-09-11T10:00"));
        fx.search("打印机卡纸怎么办", 0, 2, at("2026-09-12T10:00"));
        fx.search("打印机 卡纸", 0, 1, at("2026-09-12T11:00"));
        fx.search("打印机老是卡纸", 0, 1, at("2026-09-13T11:00"));
        fx.search("邮箱容量满了", 0, 1, at("2026-09-14T11:00"));
        fx.search("outlook pst repair", 0, 2, at("2026-09-15T11:00"));
        fx.search("outlok pst repair", 0, 1, at("2026-09-15T12:00"));
        fx.search("VPN 连接失败", 0, 1, at("2026-10-01T00:10"));
    }

    @Test
    void shouldPlaceTheSuggestionsDueTimeAfterTheHolidayAndTheWeekend() {
        assertThat(q4ReplyDue).isEqualTo(at("2026-09-28T11:00"));
        assertThat(q4ResolveDue).isEqualTo(at("2026-09-30T13:00"));
    }

    @Test
    void shouldComputeTheSeptemberFiguresByHand() {
        Map<String, Object> r = json(SEPTEMBER);
        assertThat(get(r, "period.zone")).isEqualTo("Asia/Shanghai");
        assertThat(get(r, "questions.total")).isEqualTo(6);
        assertThat(get(r, "questions.byKind")).isEqualTo(Map.of("FAULT", 3, "CONSULTATION", 1, "SUGGESTION", 2));
        assertThat(get(r, "questions.bySeverity")).isEqualTo(Map.of("A", 1, "B", 1, "C", 1, "D", 1, "E", 2));
        assertThat(get(r, "questions.byTier")).isEqualTo(Map.of("L1", 4, "L2", 2));
        assertThat(get(r, "questions.byCategory")).isEqualTo(Map.of("network", 3, "database", 1, "software", 2));
        assertThat((List<?>) get(r, "questions.perDay")).hasSize(30);

        assertThat(get(r, "replySlaCompliance.overall")).isEqualTo(rate(3, 3, 0, 50.0));
        assertThat(get(r, "replySlaCompliance.byCategory.network")).isEqualTo(rate(1, 2, 0, 33.3));
        assertThat(get(r, "replySlaCompliance.byCategory.database")).isEqualTo(rate(1, 0, 0, 100.0));
        assertThat(get(r, "replySlaCompliance.byCategory.software")).isEqualTo(rate(1, 1, 0, 50.0));
        assertThat(get(r, "resolveSlaCompliance.overall")).isEqualTo(rate(3, 3, 0, 50.0));
        assertThat(get(r, "resolveSlaCompliance.byCategory.network")).isEqualTo(rate(2, 1, 0, 66.7));
        assertThat(get(r, "resolveSlaCompliance.byCategory.database")).isEqualTo(rate(0, 1, 0, 0.0));
        assertThat(get(r, "resolveSlaCompliance.byCategory.software")).isEqualTo(rate(1, 1, 0, 50.0));

        // first replies 30, 90, 20, 180 (working) minutes; resolutions 120, 210, 1140
        assertThat(get(r, "firstReplyMinutes"))
                .isEqualTo(Map.of("count", 4, "mean", 80.0, "median", 60.0, "p90", 180.0));
        assertThat(get(r, "resolutionMinutes"))
                .isEqualTo(Map.of("count", 3, "mean", 490.0, "median", 210.0, "p90", 1140.0));
        assertThat(get(r, "resolutionRate.percent")).isEqualTo(50.0);

        assertThat(get(r, "escalations.total")).isEqualTo(3);
        assertThat(get(r, "escalations.automatic")).isEqualTo(2);
        assertThat(get(r, "escalations.manual")).isEqualTo(1);
        assertThat(get(r, "escalations.slaBreaches")).isEqualTo(2);
        assertThat(get(r, "escalations.byTier")).isEqualTo(Map.of("L2", 3));
        assertThat(((List<Map<String, Object>>) get(r, "escalations.reasons"))
                        .stream().map(m -> m.get("key") + "=" + m.get("count")).toList())
                .containsExactlyInAnyOrder("需要数据库专家=1", "reply time exceeded=1", "resolution time exceeded=1");

        // ratings in September: Q1 5/5/4, Q2 2/3/1 (flagged), Q6 4/4/4
        assertThat(get(r, "satisfaction.count")).isEqualTo(3);
        assertThat(get(r, "satisfaction.attitude"))
                .isEqualTo(Map.of("mean", 3.67, "distribution", List.of(0, 1, 0, 1, 1)));
        assertThat(get(r, "satisfaction.expertise"))
                .isEqualTo(Map.of("mean", 4.0, "distribution", List.of(0, 0, 1, 1, 1)));
        assertThat(get(r, "satisfaction.timeliness"))
                .isEqualTo(Map.of("mean", 3.0, "distribution", List.of(1, 0, 0, 2, 0)));
        assertThat(get(r, "satisfaction.overallMean")).isEqualTo(3.56);
        assertThat(((List<Map<String, Object>>) get(r, "satisfaction.comments"))
                        .stream().map(m -> m.get("comment")).toList())
                .containsExactly("很快解决", "回复太慢");
        assertThat(get(r, "complaints.count")).isEqualTo(1);
        assertThat(get(r, "complaints.reopened")).isEqualTo(1);

        List<Map<String, Object>> experts = (List<Map<String, Object>>) get(r, "experts");
        assertThat(experts).hasSize(2);
        assertThat(experts.get(0))
                .containsEntry("name", "值班专家")
                .containsEntry("assigned", 3)
                .containsEntry("resolved", 2)
                .containsEntry("open", 1)
                .containsEntry("replySlaPercent", 33.3)
                .containsEntry("resolveSlaPercent", 66.7)
                .containsEntry("meanFirstReplyMinutes", 60.0)
                .containsEntry("meanRating", 3.33)
                .containsEntry("ratings", 2);
        assertThat(experts.get(1))
                .containsEntry("name", "二线专家")
                .containsEntry("assigned", 2)
                .containsEntry("resolved", 1)
                .containsEntry("open", 1)
                .containsEntry("replySlaPercent", 100.0)
                .containsEntry("resolveSlaPercent", 50.0)
                .containsEntry("meanFirstReplyMinutes", 100.0)
                .containsEntry("meanRating", 4.0)
                .containsEntry("ratings", 1);

        assertThat(get(r, "deflections.total")).isEqualTo(3);
        assertThat(get(r, "deflections.topArticles"))
                .isEqualTo(List.of(Map.of("key", "A-1", "label", "文章 A-1", "count", 2)));
        assertThat(get(r, "knowledge"))
                .isEqualTo(Map.of(
                        "articlesAdded", 2,
                        "articlesByType", Map.of("FAQ", 2),
                        "versionsSaved", 1,
                        "publishedFaq", 1,
                        "publishedCase", 1));

        assertThat(get(r, "searches.total")).isEqualTo(12);
        assertThat(get(r, "searches.zeroHit")).isEqualTo(8);
        assertThat(get(r, "searches.zeroHitPercent")).isEqualTo(66.7);
        assertThat(((List<Map<String, Object>>) get(r, "searches.top"))
                        .stream()
                                .map(m -> m.get("label") + "=" + m.get("count"))
                                .toList())
                .containsExactly(
                        "VPN 连接失败=4",
                        "打印机卡纸怎么办=3",
                        "outlook pst repair=2",
                        "outlok pst repair=1",
                        "打印机老是卡纸=1",
                        "邮箱容量满了=1");
        assertThat(get(r, "zeroResultQueries"))
                .isEqualTo(List.of(
                        Map.of("label", "打印机卡纸怎么办", "count", 4, "variants", List.of("打印机卡纸怎么办", "打印机 卡纸", "打印机老是卡纸")),
                        Map.of(
                                "label",
                                "outlook pst repair",
                                "count",
                                3,
                                "variants",
                                List.of("outlook pst repair", "outlok pst repair")),
                        Map.of("label", "邮箱容量满了", "count", 1, "variants", List.of("邮箱容量满了"))));
    }

    @Test
    void shouldFilterByCategory() {
        Map<String, Object> r = json(SEPTEMBER + "&category=software");
        assertThat(get(r, "period.category")).isEqualTo("software");
        assertThat(get(r, "period.categoryName")).isEqualTo("软件系统管理");
        assertThat(get(r, "questions.total")).isEqualTo(2);
        assertThat(get(r, "replySlaCompliance.overall")).isEqualTo(rate(1, 1, 0, 50.0));
        assertThat(get(r, "firstReplyMinutes"))
                .isEqualTo(Map.of("count", 1, "mean", 180.0, "median", 180.0, "p90", 180.0));
        assertThat(get(r, "escalations.total")).isEqualTo(1);
        assertThat(get(r, "satisfaction.count")).isEqualTo(0);
        assertThat(get(r, "knowledge.articlesAdded")).isEqualTo(0);
        assertThat(get(r, "knowledge.publishedCase")).isEqualTo(1);
    }

    @Test
    void shouldDefaultToLastMonthAndRejectBadPeriods() {
        Map<String, Object> r = json("/api/reports/service");
        java.time.YearMonth last = java.time.YearMonth.now(ReportFixture.ZONE).minusMonths(1);
        assertThat(get(r, "period.from")).isEqualTo(last.atDay(1).toString());
        assertThat(get(r, "period.to")).isEqualTo(last.atEndOfMonth().toString());
        problem("/api/reports/service?from=2026-09-31&to=2026-10-01", 400, "urn:kb:invalid-period");
        problem("/api/reports/service?from=2026-09-10&to=2026-09-01", 400, "urn:kb:invalid-period");
        problem(SEPTEMBER + "&category=nope", 400, null);
        problem(SEPTEMBER + "&format=docx", 400, "urn:kb:invalid-format");
    }

    @Test
    void shouldRefuseEveryoneButAdmins() {
        for (String uri : List.of(SEPTEMBER, SEPTEMBER + "&format=pdf", "/api/reports/service/charts/sla.png")) {
            server.client()
                    .get()
                    .uri(uri)
                    .header("Authorization", "Bearer " + user)
                    .exchange()
                    .expectStatus()
                    .isForbidden();
            server.client().get().uri(uri).exchange().expectStatus().isUnauthorized();
        }
        String expert = server.login("expert", "expert-demo-2026");
        server.client()
                .get()
                .uri(SEPTEMBER)
                .header("Authorization", "Bearer " + expert)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void shouldExportCsvWithBomThatParsesBack() throws Exception {
        EntityExchangeResult<byte[]> res = download(SEPTEMBER + "&format=csv");
        assertThat(res.getResponseHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(res.getResponseHeaders().getContentDisposition().getFilename())
                .isEqualTo("service-report-2026-09-01_2026-09-30.csv");
        byte[] body = res.getResponseBody();
        assertThat(body[0] & 0xFF).isEqualTo(0xEF);
        assertThat(body[1] & 0xFF).isEqualTo(0xBB);
        assertThat(body[2] & 0xFF).isEqualTo(0xBF);
        List<List<String>> rows = parseCsv(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
        assertThat(rows).contains(List.of("问题总数 (Questions)", "6"));
        assertThat(rows).contains(List.of("回复SLA达标率 % (Reply SLA)", "50.0"));
        assertThat(rows).contains(List.of("网络运维", "1", "2", "33.3", "2", "1", "66.7", "0"));
        assertThat(rows).contains(List.of("打印机卡纸怎么办", "4", "打印机卡纸怎么办 | 打印机 卡纸 | 打印机老是卡纸"));
    }

    @Test
    void shouldExportXlsxThatPoiReadsBack() throws Exception {
        EntityExchangeResult<byte[]> res = download(SEPTEMBER + "&format=xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(res.getResponseBody()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(11);
            Sheet summary = wb.getSheet("概要 Summary");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).contains("月度服务总结报告");
            assertThat(value(summary, "问题总数 (Questions)")).isEqualTo(6.0);
            assertThat(value(summary, "解决SLA达标率 % (Resolution SLA)")).isEqualTo(50.0);
            assertThat(value(wb.getSheet("零结果 Zero results"), "outlook pst repair"))
                    .isEqualTo(3.0);
            assertThat(value(wb.getSheet("专家 Experts"), "值班专家")).isEqualTo(3.0);
            assertThat(wb.getAllPictures()).hasSize(ReportCharts.NAMES.size());
        }
    }

    @Test
    void shouldExportPdfWithChineseTextAndAnEmbeddedFont() throws Exception {
        EntityExchangeResult<byte[]> res = download(SEPTEMBER + "&format=pdf");
        assertThat(res.getResponseHeaders().getContentType().toString()).isEqualTo("application/pdf");
        // kept for a look (pdftoppm target/service-report-sample.pdf)
        java.nio.file.Files.write(java.nio.file.Path.of("target", "service-report-sample.pdf"), res.getResponseBody());
        try (PDDocument doc = Loader.loadPDF(res.getResponseBody())) {
            // table cells wrap: compare without line breaks and spaces
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text)
                    .contains("月度服务总结报告")
                    .contains("回复SLA达标率%(ReplySLA)50.0")
                    .contains("零结果检索")
                    .contains("打印机卡纸怎么办")
                    .contains("值班专家");
            List<PDFont> fonts = new ArrayList<>();
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                fonts.add(doc.getPage(0).getResources().getFont(name));
            }
            assertThat(fonts).anySatisfy(f -> assertThat(f.isEmbedded()).isTrue());
            assertThat(doc.getPage(0).getResources().getXObjectNames()).isNotEmpty();
        }
    }

    @Test
    void shouldServeChartsAsPng() throws Exception {
        for (String name : ReportCharts.NAMES) {
            EntityExchangeResult<byte[]> res =
                    download("/api/reports/service/charts/" + name + ".png?from=2026-09-01&to=2026-09-30");
            var img = ImageIO.read(new ByteArrayInputStream(res.getResponseBody()));
            assertThat(img.getWidth()).isEqualTo(ReportCharts.WIDTH);
            assertThat(img.getHeight()).isEqualTo(ReportCharts.HEIGHT);
        }
        server.client()
                .get()
                .uri("/api/reports/service/charts/pie.png")
                .header("Authorization", "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    // --- helpers

    static Map<String, Object> rate(long met, long missed, long pending, double percent) {
        return Map.of("met", (int) met, "missed", (int) missed, "pending", (int) pending, "percent", percent);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> json(String uri) {
        return server.client()
                .get()
                .uri(uri)
                .header("Authorization", "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    void problem(String uri, int status, String type) {
        Map<String, Object> p = server.client()
                .get()
                .uri(uri)
                .header("Authorization", "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        if (type != null) {
            assertThat(p).containsEntry("type", type);
        }
    }

    EntityExchangeResult<byte[]> download(String uri) {
        return server.client()
                .get()
                .uri(uri)
                .header("Authorization", "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult();
    }

    @SuppressWarnings("unchecked")
    static Object get(Map<String, Object> m, String path) {
        Object cur = m;
        for (String p : path.split("\\.")) {
            cur = ((Map<String, Object>) cur).get(p);
        }
        return cur;
    }

    static Double value(Sheet s, String label) {
        for (Row row : s) {
            if (row.getCell(0) != null
                    && row.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && row.getCell(0).getStringCellValue().equals(label)) {
                return row.getCell(1).getNumericCellValue();
            }
        }
        throw new AssertionError("no row '" + label + "' in sheet " + s.getSheetName());
    }

    /** RFC 4180: quoted fields with doubled quotes, CRLF line ends. */
    static List<List<String>> parseCsv(String text) throws java.io.IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        StringReader in = new StringReader(text);
        int c;
        while ((c = in.read()) != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        in.reset();
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r') {
                // part of CRLF
            } else if (ch == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        return rows;
    }
}
