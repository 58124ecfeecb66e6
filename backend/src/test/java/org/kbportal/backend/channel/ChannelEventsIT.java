package org.kbportal.backend.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.kbportal.backend.testing.BackendServer;
import tools.jackson.databind.JsonNode;

/**
 * Every question event the issue lists reaches a webhook subscribed to everything (assigned, handed over,
 * answered, resolved, reopened, rated low, escalated, SLA warning and breach), and a DingTalk robot
 * @-mentions the phone of the expert the question is with at that moment: in {@code at.atMobiles} and as
 * {@code @<mobile>} in the text, checked by the loopback DingTalk, for the events that call for them
 * (assigned, handed over, escalated, SLA), not for news such as a resolution. An expert without a phone is
 * mentioned by nobody and the message still goes out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChannelEventsIT {

    static final Map<String, String> PHONES = Map.of("expert", "13800138001", "expert2", "13800138002");

    BackendServer server;
    VendorReceiver receiver;
    ChannelApi api;
    String admin;
    String user;
    String secadmin;
    long slaQuestion;
    String slaAssignee;

    @BeforeAll
    void start() {
        receiver = new VendorReceiver();
        server = BackendServer.start(
                BackendServer.tempDataDir("kb-channel-events-it"),
                Map.of(
                        "kb.seed.index-data", "false",
                        "kb.search.embeddings", "false",
                        "kb.channel.public-url", "https://kb.example",
                        "kb.channel.drain-interval", "100ms",
                        "kb.questions.sla-check-interval", "500ms"));
        api = new ChannelApi(server);
        admin = server.login("admin", "admin-demo-2026");
        user = server.login("user", "user-demo-2026");
        // separation of duties: accounts are the security admin's
        secadmin = server.login("secadmin", "secadmin-demo-2026");
        PHONES.forEach((name, phone) -> api.phone(secadmin, name, phone));
        // the demo vendor has a phone; here it has none (an empty phone is no phone)
        api.phone(secadmin, "vendor", "");
        create(Map.of(
                "kind",
                "WEBHOOK",
                "name",
                "全部事件",
                "url",
                receiver.url("/webhook/every"),
                "secret",
                receiver.webhookSecret));
        create(Map.of(
                "kind",
                "DINGTALK",
                "name",
                "值班群",
                "url",
                receiver.url("/dingtalk/duty?access_token=t9"),
                "secret",
                receiver.dingTalkSecret,
                "events",
                List.of("ASSIGNED", "HANDED_OVER", "ESCALATED", "SLA_WARNING", "SLA_BREACH", "RESOLVED")));
        // reply due one minute after asking: the SLA monitor warns at 48 s and breaches at 60 s, while
        // the other tests run
        assertThat(api.put(
                                admin,
                                "/api/admin/sla-policies/FAULT/E",
                                Map.of("replyMinutes", 1, "resolveMinutes", 600, "workingTime", false))
                        .status())
                .isEqualTo(200);
        ChannelApi.Reply sla = api.asked(user, "E", "network", "备份任务每晚失败");
        slaQuestion = sla.id();
        slaAssignee = (String) sla.get("assignee");
    }

    @AfterAll
    void stop() {
        server.close();
        receiver.close();
    }

    void create(Map<String, Object> body) {
        assertThat(api.post(admin, "/api/admin/channels", body).status()).isEqualTo(201);
    }

    @Test
    @Order(1)
    void shouldTellTheWebhookOfEveryStepOfAQuestion() throws Exception {
        ChannelApi.Reply asked = api.asked(user, "C", "network", "打印机队列卡住");
        long id = asked.id();
        long expert2 = userId("expert2");
        assertThat(asked.get("assignee")).as("routed at once").isNotNull();
        if ("expert2".equals(asked.get("assignee"))) {
            // hand it to the other L1 expert first, so the hand-over below is a real change
            assertThat(api.post(admin, "/api/questions/" + id + "/handover", Map.of("to", userId("expert")))
                            .status())
                    .isEqualTo(200);
        }
        assertThat(api.post(admin, "/api/questions/" + id + "/handover", Map.of("to", expert2, "note", "转二线"))
                        .get("assignee"))
                .isEqualTo("expert2");
        String e2 = server.login("expert2", "expert2-demo-2026");
        assertThat(api.post(e2, "/api/questions/" + id + "/messages", Map.of("body", "请清空打印队列"))
                        .status())
                .isEqualTo(200);
        assertThat(api.post(user, "/api/questions/" + id + "/resolve", Map.of()).get("status"))
                .isEqualTo("RESOLVED");
        assertThat(api.post(user, "/api/questions/" + id + "/reopen", Map.of("reason", "又卡住了"))
                        .get("status"))
                .isEqualTo("REOPENED");
        api.post(e2, "/api/questions/" + id + "/messages", Map.of("body", "请重启打印服务"));
        api.post(user, "/api/questions/" + id + "/resolve", Map.of());
        assertThat(api.post(
                                user,
                                "/api/questions/" + id + "/rating",
                                Map.of("attitude", 1, "expertise", 2, "timeliness", 1, "comment", "太慢"))
                        .status())
                .isEqualTo(200);

        List<String> expected = List.of(
                "question.assigned",
                "question.handed_over",
                "question.answered",
                "question.resolved",
                "question.reopened",
                "question.answered",
                "question.resolved",
                "question.rated_low");
        List<JsonNode> events = awaitEvents(id, expected.size() + ("expert2".equals(asked.get("assignee")) ? 1 : 0));
        assertThat(events.stream().map(e -> e.path("type").asString()).distinct())
                .containsAll(expected);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("data").path("link").asString()).isEqualTo("https://kb.example/questions/" + id);
            assertThat(e.path("data").has("mobiles"))
                    .as("no phones for integrators")
                    .isFalse();
        });
        assertThat(receiver.hits(h -> h.path().equals("/webhook/every")))
                .allSatisfy(h -> assertThat(h.verdict()).isEqualTo("ok"));

        // the group hears of the hand-over with the new assignee's phone
        JsonNode handedOver = dingTalk(id, "已转交");
        assertThat(mobiles(handedOver)).containsExactly(PHONES.get("expert2"));
        assertThat(handedOver.path("markdown").path("text").asString()).contains("@" + PHONES.get("expert2"));
        // news the expert made themselves mentions nobody
        JsonNode resolved = dingTalk(id, "已解决");
        assertThat(mobiles(resolved)).isEmpty();
        assertThat(resolved.path("markdown").path("text").asString()).doesNotContain("@");
    }

    @Test
    @Order(2)
    void shouldMentionNobodyWhenTheExpertHasNoPhoneAndStillDeliver() throws Exception {
        long id = api.ask(user, "C", "network", "邮件客户端无法同步");
        long vendor = userId("vendor");
        assertThat(api.post(admin, "/api/questions/" + id + "/handover", Map.of("to", vendor))
                        .get("assignee"))
                .isEqualTo("vendor");
        JsonNode message = dingTalk(id, "已转交");
        assertThat(mobiles(message)).isEmpty();
        assertThat(message.path("at").path("isAtAll").asBoolean()).isFalse();
        assertThat(message.path("markdown").path("text").asString()).doesNotContain("@");
    }

    @Test
    @Order(3)
    void shouldMentionTheExpertAnEscalationGoesTo() throws Exception {
        long id = api.ask(user, "B", "network", "VPN 网关证书过期");
        ChannelApi.Reply escalated = api.post(admin, "/api/questions/" + id + "/escalate", Map.of("reason", "需要二线处理"));
        assertThat(escalated.status()).isEqualTo(200);
        // who is on duty above L1 depends on the hour: expert2 (phone), the vendor (none), or nobody (it waits)
        String to = (String) escalated.get("assignee");
        JsonNode message = dingTalk(id, "已升级");
        assertThat(mobiles(message))
                .as("escalated to %s", to)
                .isEqualTo(PHONES.containsKey(String.valueOf(to)) ? List.of(PHONES.get(to)) : List.of());
    }

    @Test
    @Order(10)
    void shouldWarnAndBreachWithTheAssigneesPhone() throws Exception {
        List<String> phone =
                PHONES.containsKey(String.valueOf(slaAssignee)) ? List.of(PHONES.get(slaAssignee)) : List.of();
        JsonNode warning = dingTalk(slaQuestion, "即将超时", 90_000);
        assertThat(mobiles(warning)).as("with %s", slaAssignee).isEqualTo(phone);
        JsonNode breach = dingTalk(slaQuestion, "已超时", 30_000);
        assertThat(mobiles(breach)).isEqualTo(phone);
        List<String> types = awaitEvents(slaQuestion, 3).stream()
                .map(e -> e.path("type").asString())
                .toList();
        assertThat(types).contains("question.sla_warning", "question.sla_breach");
        receiver.awaitHits(
                h -> h.path().equals("/webhook/every")
                        && h.json().path("type").asString().equals("question.escalated")
                        && h.json().path("data").path("questionId").asLong() == slaQuestion,
                1,
                10_000);
    }

    private long userId(String username) {
        return api.userId(secadmin, username);
    }

    /** The webhook payloads of one question, in arrival order, once at least {@code count} arrived. */
    private List<JsonNode> awaitEvents(long questionId, int count) throws InterruptedException {
        List<VendorReceiver.Hit> hits = receiver.awaitHits(
                h -> h.path().equals("/webhook/every")
                        && h.json().path("data").path("questionId").asLong() == questionId,
                count,
                15_000);
        List<JsonNode> out = new ArrayList<>();
        hits.forEach(h -> out.add(h.json()));
        return out;
    }

    private JsonNode dingTalk(long questionId, String label) throws InterruptedException {
        return dingTalk(questionId, label, 10_000);
    }

    /** The DingTalk message about the question whose heading carries {@code label}; the receiver accepted it. */
    private JsonNode dingTalk(long questionId, String label, long timeoutMillis) throws InterruptedException {
        VendorReceiver.Hit hit = receiver.awaitHits(
                        h -> h.path().equals("/dingtalk/duty")
                                && h.json()
                                        .path("markdown")
                                        .path("title")
                                        .asString()
                                        .startsWith("【" + label + "】问题 #" + questionId + " "),
                        1,
                        timeoutMillis)
                .get(0);
        assertThat(hit.verdict()).as("DingTalk's own checks").isEqualTo("ok");
        return hit.json();
    }

    private static List<String> mobiles(JsonNode dingTalk) {
        List<String> out = new ArrayList<>();
        dingTalk.path("at").path("atMobiles").forEach(m -> out.add(m.asString()));
        return out;
    }
}
