package org.kbportal.ui.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kbportal.contract.question.QuestionDetail;
import org.kbportal.ui.i18n.KbI18NProvider;

class TimelineTextsTest {

    private static final Instant AT = Instant.parse("2026-11-23T09:16:00Z");
    private static final DateTimeFormatter SHANGHAI =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    private static final Map<String, Map<Locale, String>> CATEGORIES =
            Map.of("network", Map.of(KbI18NProvider.CHINESE, "网络运维", KbI18NProvider.ENGLISH, "Network operations"));

    private final KbI18NProvider provider = new KbI18NProvider();

    private TimelineTexts texts(Locale locale) {
        return new TimelineTexts(
                (key, params) -> provider.getTranslation(key, locale, params),
                SHANGHAI::format,
                code -> CATEGORIES.getOrDefault(code, Map.of()).getOrDefault(locale, code));
    }

    private static QuestionDetail.Event event(String type, String to, String actor, String detail) {
        return new QuestionDetail.Event(1, type, actor, null, to, detail, AT);
    }

    @Test
    void shouldTellTheCreationInWordsWithTheCategoryName() {
        TimelineTexts.Line line =
                texts(KbI18NProvider.CHINESE).line(event("CREATED", "NEW", "user", "FAULT/B network"));

        assertThat(line.when()).isEqualTo("2026-11-23 17:16");
        assertThat(line.sentence()).isEqualTo("提交问题 → 待分配 · 故障申告，B 关键，分类：网络运维");
        assertThat(line.actor()).isEqualTo("user");
        assertThat(line.note()).isNull();
        assertThat(texts(KbI18NProvider.ENGLISH)
                        .line(event("CREATED", "NEW", "user", "FAULT/B network"))
                        .sentence())
                .isEqualTo("Asked → New · Fault report, B Critical, category: Network operations");
    }

    @Test
    void shouldTellMessagesAnswersAndRatingsWithoutTheBackendsWords() {
        TimelineTexts zh = texts(KbI18NProvider.CHINESE);

        assertThat(zh.line(event("MESSAGE", null, "expert", "answer")).sentence())
                .isEqualTo("新消息 · 专家给出答复");
        assertThat(zh.line(event("MESSAGE", null, "expert", "question")).sentence())
                .isEqualTo("新消息 · 专家请用户补充信息");
        assertThat(zh.line(event("MESSAGE", null, "user", "user")).sentence()).isEqualTo("新消息 · 用户补充了信息");
        assertThat(zh.line(event("RATED", null, "user", "5/4/2 (flagged)")).sentence())
                .isEqualTo("用户评价 · 服务态度 5 分，专业水平 4 分，响应及时 2 分（低分，已提醒管理员）");
        assertThat(zh.line(event("PUBLISHED", null, "expert", "FAQ Q-1-faq")).sentence())
                .isEqualTo("整理为知识文章 · FAQ 草稿 Q-1-faq");
    }

    @Test
    void shouldKeepWhatAPersonWroteApartFromTheSentence() {
        TimelineTexts zh = texts(KbI18NProvider.CHINESE);

        TimelineTexts.Line escalated = zh.line(event("ESCALATED", "ASSIGNED", "expert", "→ vendor (L3, 华为): 需要厂商协助"));
        assertThat(escalated.sentence()).isEqualTo("升级 → 已分配 · 交给 vendor（L3，华为）");
        assertThat(escalated.note()).isEqualTo("需要厂商协助");

        TimelineTexts.Line queued = zh.line(event("ESCALATED", "NEW", "expert", "→ L2 queue (nobody available)"));
        assertThat(queued.sentence()).isEqualTo("升级 → 待分配 · 进入 L2 待认领队列（暂无可用专家）");
        assertThat(queued.note()).isNull();

        TimelineTexts.Line reopened = zh.line(event("STATUS", "REOPENED", "user", "still broken"));
        assertThat(reopened.sentence()).isEqualTo("状态变更 → 已重新打开");
        assertThat(reopened.note()).isEqualTo("still broken");
    }

    @Test
    void shouldTranslateTheBackendsOwnReasonsAndShowDeadlinesInThePortalsZone() {
        TimelineTexts zh = texts(KbI18NProvider.CHINESE);

        assertThat(zh.line(event("ESCALATED", "ASSIGNED", null, "→ bob (L2): reply time exceeded")))
                .isEqualTo(new TimelineTexts.Line("2026-11-23 17:16", "升级 → 已分配 · 交给 bob（L2） · 超过答复时限", null, null));
        assertThat(zh.line(event("SLA_WARNING", null, null, "reply due at 2026-11-23T10:00:00Z"))
                        .sentence())
                .isEqualTo("时限预警 · 答复截止时间 2026-11-23 18:00");
        assertThat(zh.line(event("SLA_BREACH", null, null, "resolution time exceeded"))
                        .sentence())
                .isEqualTo("超出时限 · 超过解决时限");
        assertThat(zh.line(event("STATUS", "CLOSED", null, "closed automatically"))
                        .sentence())
                .isEqualTo("状态变更 → 已关闭 · 解决后未确认，系统自动关闭");
        assertThat(zh.line(event(
                                "QUEUED",
                                null,
                                null,
                                "No L1 expert on duty has capacity; the question waits in the queue."))
                        .sentence())
                .isEqualTo("进入待认领队列 · 暂无空闲的 L1 值班专家，问题在队列中等待认领");
    }

    @Test
    void shouldShowAnUnknownDetailAsWrittenAndAnUnknownCodeAsItIs() {
        TimelineTexts.Line line = texts(KbI18NProvider.CHINESE).line(event("SOMETHING_NEW", null, null, "x y z"));

        assertThat(line.sentence()).isEqualTo("SOMETHING_NEW");
        assertThat(line.note()).isEqualTo("x y z");
    }
}
