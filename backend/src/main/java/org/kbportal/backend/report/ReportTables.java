package org.kbportal.backend.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kbportal.contract.report.ServiceReport;

/**
 * The report as titled tables with Chinese labels (English in brackets): the one layout the CSV, the
 * XLSX sheets and the PDF all print, so the three exports always agree.
 */
final class ReportTables {

    /** One table; {@code sheet} is a short name (an XLSX sheet holds at most 31 characters). */
    record Table(String sheet, String title, List<String> headers, List<List<Object>> rows) {}

    private static final Map<String, String> KINDS =
            Map.of("FAULT", "故障申告", "CONSULTATION", "技术咨询", "SUGGESTION", "意见建议");
    private static final Map<String, String> SEVERITIES =
            Map.of("A", "A 紧急", "B", "B 关键", "C", "C 较严重", "D", "D 一般", "E", "E 轻微");
    private static final Map<String, String> STATUSES = Map.of(
            "NEW", "待分配",
            "ASSIGNED", "已分配",
            "IN_PROGRESS", "处理中",
            "WAITING_FOR_USER", "等待用户补充",
            "ANSWERED", "已答复",
            "RESOLVED", "已解决",
            "CLOSED", "已关闭",
            "REOPENED", "已重新打开");
    private static final Map<String, String> TIERS = Map.of("L1", "一线 L1", "L2", "二线 L2", "L3", "厂商 L3");

    private ReportTables() {}

    static String title(ServiceReport r) {
        return "月度服务总结报告 (Service report) " + r.period().from() + " – "
                + r.period().to()
                + (r.period().category() == null
                        ? ""
                        : " · " + categoryName(r, r.period().category()));
    }

    static List<Table> of(ServiceReport r) {
        List<Table> t = new ArrayList<>();
        t.add(summary(r));
        t.add(breakdown(r));
        t.add(sla(r));
        t.add(escalations(r));
        t.add(satisfaction(r));
        t.add(comments(r));
        t.add(experts(r));
        t.add(knowledge(r));
        t.add(searches(r));
        t.add(zeroResults(r));
        return t;
    }

    private static Table summary(ServiceReport r) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(
                "统计区间 (Period)",
                r.period().from() + " – " + r.period().to() + " (" + r.period().zone() + ")"));
        rows.add(row(
                "类别 (Category)",
                r.period().category() == null
                        ? "全部 (all)"
                        : categoryName(r, r.period().category())));
        rows.add(row("问题总数 (Questions)", r.questions().total()));
        rows.add(row("回复SLA达标率 % (Reply SLA)", r.replySlaCompliance().overall().percent()));
        rows.add(row(
                "解决SLA达标率 % (Resolution SLA)",
                r.resolveSlaCompliance().overall().percent()));
        rows.add(row("解决率 % (Resolution rate)", r.resolutionRate().percent()));
        rows.add(
                row("首次回复时间均值 分钟 (First reply, mean min)", r.firstReplyMinutes().mean()));
        rows.add(row("首次回复时间中位数 分钟 (median)", r.firstReplyMinutes().median()));
        rows.add(row("首次回复时间P90 分钟 (p90)", r.firstReplyMinutes().p90()));
        rows.add(row("解决时间均值 分钟 (Resolution, mean min)", r.resolutionMinutes().mean()));
        rows.add(row("解决时间中位数 分钟 (median)", r.resolutionMinutes().median()));
        rows.add(row("解决时间P90 分钟 (p90)", r.resolutionMinutes().p90()));
        rows.add(row("升级次数 (Escalations)", r.escalations().total()));
        rows.add(row("满意度均值 (Satisfaction, mean 1–5)", r.satisfaction().overallMean()));
        rows.add(row("评价数 (Ratings)", r.satisfaction().count()));
        rows.add(row("投诉/差评 (Complaints)", r.complaints().count()));
        rows.add(row("重新打开 (Reopened)", r.complaints().reopened()));
        rows.add(row("自助解决 (Deflections)", r.deflections().total()));
        rows.add(row("新增文章 (Articles added)", r.knowledge().articlesAdded()));
        rows.add(row("检索次数 (Searches)", r.searches().total()));
        rows.add(row("零结果检索 (Zero-hit searches)", r.searches().zeroHit()));
        return new Table("概要 Summary", "概要 (Summary)", List.of("指标 (Figure)", "数值 (Value)"), rows);
    }

    private static Table breakdown(ServiceReport r) {
        List<List<Object>> rows = new ArrayList<>();
        r.questions().byKind().forEach((k, n) -> rows.add(row("类型 (Kind)", KINDS.getOrDefault(k, k), n)));
        r.questions()
                .bySeverity()
                .forEach((k, n) -> rows.add(row("严重程度 (Severity)", SEVERITIES.getOrDefault(k, k), n)));
        r.questions().byTier().forEach((k, n) -> rows.add(row("处理层级 (Tier)", TIERS.getOrDefault(k, k), n)));
        r.questions().byCategory().forEach((k, n) -> rows.add(row("类别 (Category)", categoryName(r, k), n)));
        r.questions().byStatus().forEach((k, n) -> rows.add(row("当前状态 (Status)", STATUSES.getOrDefault(k, k), n)));
        return new Table(
                "问题分布 Questions",
                "问题分布 (Questions by kind, severity, tier, category)",
                List.of("维度 (Dimension)", "取值 (Value)", "问题数 (Questions)"),
                rows);
    }

    private static Table sla(ServiceReport r) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(slaRow(
                "全部 (all)",
                r.replySlaCompliance().overall(),
                r.resolveSlaCompliance().overall()));
        r.replySlaCompliance()
                .byCategory()
                .forEach((c, reply) -> rows.add(slaRow(
                        categoryName(r, c),
                        reply,
                        r.resolveSlaCompliance().byCategory().get(c))));
        return new Table(
                "SLA",
                "SLA达标率 (SLA compliance)",
                List.of(
                        "类别 (Category)",
                        "回复达标 (Reply met)",
                        "回复超时 (missed)",
                        "回复达标率 % (Reply %)",
                        "解决达标 (Resolution met)",
                        "解决超时 (missed)",
                        "解决达标率 % (Resolution %)",
                        "未到期 (pending)"),
                rows);
    }

    private static List<Object> slaRow(String name, ServiceReport.Rate reply, ServiceReport.Rate resolve) {
        return row(
                name,
                reply.met(),
                reply.missed(),
                reply.percent(),
                resolve.met(),
                resolve.missed(),
                resolve.percent(),
                resolve.pending());
    }

    private static Table escalations(ServiceReport r) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("合计 (total)", r.escalations().total()));
        rows.add(row("自动升级 (automatic, SLA breach)", r.escalations().automatic()));
        rows.add(row("人工升级 (by an expert or admin)", r.escalations().manual()));
        rows.add(row("SLA超时次数 (SLA breaches)", r.escalations().slaBreaches()));
        r.escalations().byTier().forEach((k, n) -> rows.add(row("升级至 (to) " + TIERS.getOrDefault(k, k), n)));
        r.escalations().reasons().forEach(c -> rows.add(row("原因 (reason): " + c.label(), c.count())));
        return new Table("升级 Escalations", "升级及原因 (Escalations and reasons)", List.of("项目 (Item)", "次数 (Count)"), rows);
    }

    private static Table satisfaction(ServiceReport r) {
        ServiceReport.Satisfaction s = r.satisfaction();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(dimensionRow("服务态度 (Attitude)", s.attitude()));
        rows.add(dimensionRow("专业水平 (Expertise)", s.expertise()));
        rows.add(dimensionRow("响应及时 (Timeliness)", s.timeliness()));
        return new Table(
                "满意度 Satisfaction",
                "满意度 (Satisfaction, " + s.count() + " 条评价)",
                List.of("维度 (Dimension)", "均值 (Mean)", "1分", "2分", "3分", "4分", "5分"),
                rows);
    }

    private static List<Object> dimensionRow(String name, ServiceReport.Dimension d) {
        List<Object> row = new ArrayList<>(List.of(name));
        row.add(d.mean());
        row.addAll(d.distribution());
        return row;
    }

    private static Table comments(ServiceReport r) {
        List<List<Object>> rows = new ArrayList<>();
        java.util.Set<Long> complained = new java.util.HashSet<>();
        r.complaints().items().forEach(c -> complained.add(c.questionId()));
        for (ServiceReport.Comment c : r.satisfaction().comments()) {
            rows.add(row(
                    "#" + c.questionId(),
                    categoryName(r, c.category()),
                    c.attitude() + "/" + c.expertise() + "/" + c.timeliness(),
                    complained.contains(c.questionId()) ? "是 (yes)" : "",
                    c.comment()));
        }
        for (ServiceReport.Comment c : r.complaints().items()) {
            if (c.comment() == null || c.comment().isBlank()) {
                rows.add(row(
                        "#" + c.questionId(),
                        categoryName(r, c.category()),
                        c.attitude() + "/" + c.expertise() + "/" + c.timeliness(),
                        "是 (yes)",
                        ""));
            }
        }
        return new Table(
                "评价意见 Comments",
                "评价意见与投诉 (Comments and complaints)",
                List.of("问题 (Question)", "类别 (Category)", "评分 态度/专业/及时", "投诉 (Complaint)", "意见 (Comment)"),
                rows);
    }

    private static Table experts(ServiceReport r) {
        List<List<Object>> rows = new ArrayList<>();
        for (ServiceReport.ExpertRow e : r.experts()) {
            rows.add(row(
                    e.name(),
                    e.assigned(),
                    e.resolved(),
                    e.open(),
                    e.replySlaPercent(),
                    e.resolveSlaPercent(),
                    e.meanFirstReplyMinutes(),
                    e.meanRating(),
                    e.ratings()));
        }
        return new Table(
                "专家 Experts",
                "专家工作量与绩效 (Expert workload and performance)",
                List.of(
                        "专家 (Expert)",
                        "受理 (Assigned)",
                        "已解决 (Resolved)",
                        "未完成 (Open)",
                        "回复达标率 % (Reply SLA)",
                        "解决达标率 % (Resolution SLA)",
                        "首次回复均值 分钟 (First reply min)",
                        "满意度 (Rating)",
                        "评价数 (Ratings)"),
                rows);
    }

    private static Table knowledge(ServiceReport r) {
        ServiceReport.Knowledge k = r.knowledge();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("新增文章 (Articles added)", k.articlesAdded()));
        k.articlesByType().forEach((type, n) -> rows.add(row("新增文章 (added) " + type, n)));
        rows.add(row("文章修订 (Article revisions)", k.versionsSaved()));
        rows.add(row("答复转FAQ (Answers published as FAQ)", k.publishedFaq()));
        rows.add(row("答复转案例 (Answers published as case)", k.publishedCase()));
        rows.add(row("自助解决 (Deflections)", r.deflections().total()));
        r.deflections()
                .topArticles()
                .forEach(c -> rows.add(
                        row("自助解决文章 (deflecting article) " + (c.label() == null ? c.key() : c.label()), c.count())));
        return new Table(
                "知识库 Knowledge",
                "知识库增长与自助解决 (Knowledge-base growth and deflections)",
                List.of("项目 (Item)", "数量 (Count)"),
                rows);
    }

    private static Table searches(ServiceReport r) {
        List<List<Object>> rows = new ArrayList<>();
        r.searches().top().forEach(c -> rows.add(row(c.label(), c.count())));
        return new Table(
                "热门检索 Top searches",
                "热门检索 (Top searches; " + r.searches().total() + " 次检索)",
                List.of("检索词 (Query)", "次数 (Count)"),
                rows);
    }

    private static Table zeroResults(ServiceReport r) {
        List<List<Object>> rows = new ArrayList<>();
        r.zeroResultQueries().forEach(c -> rows.add(row(c.label(), c.count(), String.join(" | ", c.variants()))));
        return new Table(
                "零结果 Zero results",
                "零结果检索·知识缺口 (Searches that found nothing, grouped by similar wording)",
                List.of("检索词 (Query)", "次数 (Count)", "相似说法 (Variants)"),
                rows);
    }

    static String categoryName(ServiceReport r, String code) {
        String name = r.categoryNames() == null ? null : r.categoryNames().get(code);
        return name == null ? code : name;
    }

    private static List<Object> row(Object... cells) {
        List<Object> l = new ArrayList<>(cells.length);
        for (Object c : cells) {
            l.add(c);
        }
        return l;
    }
}
