package org.kbportal.backend.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Channels against loopback receivers that check what WeCom, DingTalk, Feishu, a Standard Webhooks
 * consumer and an SMS gateway check: signatures recomputed from the secrets, body schema, content type.
 * Retries back off, give up after {@code max-attempts} (DEAD), a redelivery keeps the webhook id, a hanging
 * receiver times out and is served once it is back, and secrets stay write-only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelDeliveryIT {

    BackendServer server;
    VendorReceiver receiver;
    ChannelApi api;
    String admin;
    String secadmin;
    String auditor;

    @BeforeAll
    void start() {
        receiver = new VendorReceiver();
        server = BackendServer.start(
                BackendServer.tempDataDir("kb-channels-it"),
                Map.of(
                        "kb.seed.index-data", "false",
                        "kb.search.embeddings", "false",
                        "kb.channel.public-url", "https://kb.example",
                        "kb.channel.drain-interval", "100ms",
                        "kb.channel.backoff-base", "400ms",
                        "kb.channel.backoff-max", "5s",
                        "kb.channel.max-attempts", "3",
                        "kb.channel.timeout", "1s",
                        "kb.channel.lease", "5s"));
        api = new ChannelApi(server);
        admin = server.login("admin", "admin-demo-2026");
        // separation of duties: accounts are the security admin's, the audit log the auditor's
        secadmin = server.login("secadmin", "secadmin-demo-2026");
        auditor = server.login("auditor", "auditor-demo-2026");
    }

    @AfterAll
    void stop() {
        server.close();
        receiver.close();
    }

    long channel(Map<String, Object> body) {
        ChannelApi.Reply r = api.post(admin, "/api/admin/channels", body);
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.id();
    }

    @Test
    void shouldSendTestMessagesThatEachVendorAccepts() {
        long wecom =
                channel(Map.of("kind", "WECOM", "name", "运维群", "url", receiver.url("/wecom/send?key=wecom-key-1")));
        long ding = channel(Map.of(
                "kind",
                "DINGTALK",
                "name",
                "值班群",
                "url",
                receiver.url("/dingtalk/send?access_token=t1"),
                "secret",
                receiver.dingTalkSecret));
        long feishu = channel(Map.of(
                "kind",
                "FEISHU",
                "name",
                "飞书群",
                "url",
                receiver.url("/feishu/hook/abc"),
                "secret",
                receiver.feishuSecret));
        long hook = channel(Map.of(
                "kind",
                "WEBHOOK",
                "name",
                "CMDB",
                "url",
                receiver.url("/webhook/cmdb"),
                "secret",
                receiver.webhookSecret));
        for (long id : List.of(wecom, ding, feishu, hook)) {
            ChannelApi.Reply r = api.post(admin, "/api/admin/channels/" + id + "/test", null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.get("status")).as("%s", r).isEqualTo("SENT");
            assertThat(r.get("lastStatusCode")).isEqualTo(200);
            assertThat(r.get("attempts")).isEqualTo(1);
        }
        for (String path : List.of("/wecom/send", "/dingtalk/send", "/feishu/hook/abc", "/webhook/cmdb")) {
            List<VendorReceiver.Hit> hits = receiver.hits(h -> h.path().equals(path));
            assertThat(hits).hasSize(1);
            assertThat(hits.get(0).verdict()).as(path).isEqualTo("ok");
        }
        JsonNode payload =
                receiver.hits(h -> h.path().equals("/webhook/cmdb")).get(0).json();
        assertThat(payload.path("type").asString()).isEqualTo("channel.test");
        assertThat(receiver.hits(h -> h.path().equals("/webhook/cmdb"))
                        .get(0)
                        .headers()
                        .get("webhook-id"))
                .startsWith("msg_");

        // a wrong secret is refused by the receiver's own check, and the answer says so
        long wrong = channel(Map.of(
                "kind",
                "DINGTALK",
                "name",
                "错签名",
                "url",
                receiver.url("/dingtalk/wrong?access_token=t2"),
                "secret",
                "SECnot-the-right-one"));
        ChannelApi.Reply r = api.post(admin, "/api/admin/channels/" + wrong + "/test", null);
        assertThat(r.get("status")).isEqualTo("FAILED");
        assertThat((String) r.get("lastError")).contains("310000");
        assertThat(receiver.hits(h -> h.path().equals("/dingtalk/wrong")).get(0).verdict())
                .isEqualTo("sign not match");
    }

    @Test
    void shouldTellTheGroupTheIntegratorAndThePhoneOfAnAssignmentWithinSeconds() throws Exception {
        String phone = "13800138017";
        api.phone(secadmin, "expert", phone);
        channel(Map.of(
                "kind",
                "DINGTALK",
                "name",
                "网络值班",
                "url",
                receiver.url("/dingtalk/duty?access_token=t3"),
                "secret",
                receiver.dingTalkSecret,
                "events",
                List.of("ASSIGNED"),
                "categories",
                List.of("network"),
                "severities",
                List.of("A", "B")));
        channel(Map.of(
                "kind",
                "WECOM",
                "name",
                "DBA",
                "url",
                receiver.url("/wecom/dba?key=wecom-key-1"),
                "categories",
                List.of("database")));
        channel(Map.of(
                "kind",
                "WEBHOOK",
                "name",
                "监控平台",
                "url",
                receiver.url("/webhook/all"),
                "secret",
                receiver.webhookSecret,
                "events",
                List.of("ASSIGNED", "RESOLVED")));
        channel(Map.of(
                "kind",
                "SMS",
                "name",
                "短信",
                "url",
                receiver.url("/sms/send"),
                "secret",
                receiver.smsSecret,
                "events",
                List.of("ASSIGNED"),
                "severities",
                List.of("A", "B"),
                "sms",
                Map.of(
                        "method", "POST",
                        "headers", Map.of("Content-Type", "application/json", "X-Api-Key", "gw-key"),
                        "bodyTemplate", "{\"to\":\"{phone}\",\"text\":\"{text}\"}",
                        "signatureHeader", "X-Signature")));
        String user = server.login("user", "user-demo-2026");
        long asked = System.currentTimeMillis();
        long id = api.ask(user, "B", "network", "核心交换机端口频繁闪断 \"uplink\" flapping");

        VendorReceiver.Hit ding = receiver.awaitHits(h -> h.path().equals("/dingtalk/duty"), 1, 10_000)
                .get(0);
        assertThat(ding.atMillis() - asked).isLessThan(5_000);
        assertThat(ding.verdict()).isEqualTo("ok");
        JsonNode d = ding.json();
        assertThat(d.path("at").path("atMobiles").get(0).asString()).isEqualTo(phone);
        assertThat(d.path("markdown").path("text").asString())
                .contains("@" + phone)
                .contains("https://kb.example/questions/" + id)
                .contains("已分派");

        VendorReceiver.Hit hook = receiver.awaitHits(h -> h.path().equals("/webhook/all"), 1, 10_000)
                .get(0);
        assertThat(hook.verdict()).isEqualTo("ok");
        JsonNode p = hook.json();
        assertThat(p.path("type").asString()).isEqualTo("question.assigned");
        assertThat(p.path("data").path("questionId").asLong()).isEqualTo(id);
        assertThat(p.path("data").path("link").asString()).isEqualTo("https://kb.example/questions/" + id);
        assertThat(p.path("data").has("mobiles"))
                .as("no phones for integrators")
                .isFalse();

        VendorReceiver.Hit sms =
                receiver.awaitHits(h -> h.path().equals("/sms/send"), 1, 10_000).get(0);
        assertThat(sms.verdict()).isEqualTo("ok");
        assertThat(sms.json().path("to").asString()).isEqualTo(phone);
        String text = sms.json().path("text").asString();
        assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(70);
        assertThat(text).contains("#" + id).contains("B级");

        Thread.sleep(1000);
        assertThat(receiver.hits(h -> h.path().equals("/wecom/dba")))
                .as("routed by category")
                .isEmpty();
        assertThat(receiver.hits(h -> h.path().equals("/dingtalk/duty")))
                .as("exactly once")
                .hasSize(1);
    }

    @Test
    void shouldBackOffThenDeadLetterAndRedeliverWithTheSameWebhookId() throws Exception {
        receiver.modes.put("/webhook/down", VendorReceiver.Mode.ERROR_500);
        long id = channel(Map.of(
                "kind",
                "WEBHOOK",
                "name",
                "down",
                "url",
                receiver.url("/webhook/down"),
                "secret",
                receiver.webhookSecret));
        ChannelApi.Reply first = api.post(admin, "/api/admin/channels/" + id + "/test", null);
        assertThat(first.get("status")).isEqualTo("FAILED");
        assertThat(first.get("lastStatusCode")).isEqualTo(500);

        List<VendorReceiver.Hit> hits = receiver.awaitHits(h -> h.path().equals("/webhook/down"), 3, 15_000);
        Thread.sleep(2500);
        hits = receiver.hits(h -> h.path().equals("/webhook/down"));
        assertThat(hits).as("dead after max-attempts").hasSize(3);
        assertThat(hits.stream().map(h -> h.headers().get("webhook-id")).distinct())
                .hasSize(1);
        long gap1 = hits.get(1).atMillis() - hits.get(0).atMillis();
        long gap2 = hits.get(2).atMillis() - hits.get(1).atMillis();
        assertThat(gap1).isGreaterThanOrEqualTo(400);
        assertThat(gap2).isGreaterThanOrEqualTo(800);

        Map<String, Object> dead = api.deliveries(admin, id).list().get(0);
        assertThat(dead.get("status")).isEqualTo("DEAD");
        assertThat(dead.get("attempts")).isEqualTo(3);
        assertThat(dead.get("lastStatusCode")).isEqualTo(500);

        receiver.modes.remove("/webhook/down");
        long delivery = ((Number) dead.get("id")).longValue();
        ChannelApi.Reply again = api.post(admin, "/api/admin/channels/deliveries/" + delivery + "/redeliver", null);
        assertThat(again.status()).isEqualTo(200);
        VendorReceiver.Hit ok = receiver.awaitHits(h -> h.path().equals("/webhook/down"), 4, 10_000)
                .get(3);
        assertThat(ok.verdict()).isEqualTo("ok");
        assertThat(ok.headers().get("webhook-id"))
                .isEqualTo(hits.get(0).headers().get("webhook-id"));
        awaitStatus(id, "SENT");
    }

    @Test
    void shouldTimeOutOnAHangingReceiverAndDeliverOnceItIsBack() throws Exception {
        receiver.modes.put("/feishu/slow", VendorReceiver.Mode.HANG);
        long id = channel(Map.of(
                "kind",
                "FEISHU",
                "name",
                "slow",
                "url",
                receiver.url("/feishu/slow"),
                "secret",
                receiver.feishuSecret));
        long t0 = System.currentTimeMillis();
        ChannelApi.Reply first = api.post(admin, "/api/admin/channels/" + id + "/test", null);
        assertThat(System.currentTimeMillis() - t0).isLessThan(3500);
        assertThat(first.get("status")).isEqualTo("FAILED");
        assertThat(first.get("lastStatusCode")).isNull();
        assertThat((String) first.get("lastError")).containsIgnoringCase("timeout");
        receiver.modes.remove("/feishu/slow");
        Map<String, Object> sent = awaitStatus(id, "SENT");
        assertThat(sent.get("attempts")).isEqualTo(2);
        assertThat(receiver.hits(h -> h.path().equals("/feishu/slow")).get(1).verdict())
                .isEqualTo("ok");
    }

    @Test
    void shouldKeepSecretsWriteOnlyAndRefuseBadChannels() {
        ChannelApi.Reply created = api.post(
                admin,
                "/api/admin/channels",
                Map.of(
                        "kind",
                        "WEBHOOK",
                        "name",
                        "secret",
                        "url",
                        receiver.url("/webhook/secret?token=abc"),
                        "secret",
                        receiver.webhookSecret));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("secretSet")).isEqualTo(true);
        assertThat(created.map()).doesNotContainKey("secret");
        assertThat(created.get("url")).isEqualTo(receiver.url("/webhook/secret?token=***"));
        assertThat(String.valueOf(api.get(admin, "/api/admin/channels").body()))
                .doesNotContain(receiver.webhookSecret.substring(6))
                .doesNotContain("token=abc");

        // an update without the secret (and with the masked URL) keeps both
        ChannelApi.Reply updated = api.put(
                admin,
                "/api/admin/channels/" + created.id(),
                Map.of("kind", "WEBHOOK", "name", "renamed", "url", created.get("url"), "events", List.of("RESOLVED")));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.get("secretSet")).isEqualTo(true);
        assertThat(updated.get("events")).isEqualTo(List.of("RESOLVED"));
        assertThat(api.post(admin, "/api/admin/channels/" + created.id() + "/test", null)
                        .get("status"))
                .isEqualTo("SENT");
        assertThat(receiver.hits(h -> h.path().equals("/webhook/secret")).get(0).query())
                .isEqualTo("token=abc");

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("kind", "WEBHOOK", "name", "x", "url", "file:///etc/passwd"),
                Map.of("kind", "WEBHOOK", "name", "x", "url", "ftp://example.com/x"),
                Map.of("kind", "WEBHOOK", "name", "x", "url", "http://user:pw@example.com/x"),
                Map.of("kind", "WEBHOOK", "name", "x", "url", "https://example.com/x", "secret", "plain"),
                Map.of("kind", "TEAMS", "name", "x", "url", "https://example.com/x"),
                Map.of("kind", "WECOM", "name", "x", "url", "https://example.com/x", "events", List.of("NOPE")),
                Map.of("kind", "WECOM", "name", "x", "url", "https://example.com/x", "severities", List.of("Z")),
                Map.of("kind", "SMS", "name", "x", "url", "https://example.com/x"))) {
            ChannelApi.Reply r = api.post(admin, "/api/admin/channels", bad);
            assertThat(r.status()).as("%s", bad).isEqualTo(400);
            assertThat(r.get("type")).isEqualTo("urn:kb:channel-invalid");
        }
        // the audit log records the change without the secret or the URL's key
        String audit = String.valueOf(
                api.get(auditor, "/api/audit?action=channels&size=200").body());
        assertThat(audit).contains("channels.create").contains("token=***");
        assertThat(audit).doesNotContain(receiver.webhookSecret.substring(6)).doesNotContain("token=abc");

        String expert = server.login("expert", "expert-demo-2026");
        assertThat(api.get(expert, "/api/admin/channels").status()).isEqualTo(403);

        assertThat(api.call(HttpMethod.DELETE, admin, "/api/admin/channels/" + created.id(), null)
                        .status())
                .isEqualTo(204);
        ChannelApi.Reply gone = api.get(admin, "/api/admin/channels/" + created.id());
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.get("type")).isEqualTo("urn:kb:channel-not-found");
    }

    @Test
    void shouldFollowTheAssigneesChoicesForEmailAndSmsAndQuietHours() throws Exception {
        api.phone(secadmin, "expert", "13800138017");
        String expert = server.login("expert", "expert-demo-2026");
        ChannelApi.Reply defaults = api.get(expert, "/api/me/notification-preferences");
        assertThat(defaults.status()).isEqualTo(200);
        assertThat(defaults.map()).as("everything by default").doesNotContainKeys("email", "sms", "quietStart");
        channel(Map.of(
                "kind",
                "SMS",
                "name",
                "值班短信",
                "url",
                receiver.url("/sms/prefs"),
                "secret",
                receiver.smsSecret,
                "events",
                List.of("ASSIGNED"),
                "sms",
                Map.of(
                        "headers", Map.of("Content-Type", "application/json", "X-Api-Key", "gw-key"),
                        "bodyTemplate", "{\"to\":\"{phone}\",\"text\":\"{text}\"}",
                        "signatureHeader", "X-Signature")));
        String user = server.login("user", "user-demo-2026");

        // no e-mail and no SMS for assignments
        assertThat(api.put(
                                expert,
                                "/api/me/notification-preferences",
                                Map.of("email", List.of("ANSWERED"), "sms", List.of()))
                        .status())
                .isEqualTo(200);
        long silent = api.ask(user, "B", "network", "偏好：不要邮件和短信");
        // SMS for assignments, but quiet all day (start = end): severity B waits, A goes out
        ChannelApi.Reply quiet = api.put(
                expert,
                "/api/me/notification-preferences",
                Map.of(
                        "email",
                        List.of("ANSWERED"),
                        "sms",
                        List.of("ASSIGNED"),
                        "quietStart",
                        "00:00",
                        "quietEnd",
                        "00:00"));
        assertThat(quiet.get("quietStart")).isEqualTo("00:00");
        long quietB = api.ask(user, "B", "network", "偏好：安静时段 B 级");
        long urgent = api.ask(user, "A", "network", "偏好：安静时段 A 级");
        receiver.awaitHits(h -> h.path().equals("/sms/prefs"), 1, 10_000);
        Thread.sleep(1500);
        List<VendorReceiver.Hit> sms = receiver.hits(h -> h.path().equals("/sms/prefs"));
        assertThat(sms).hasSize(1);
        assertThat(sms.get(0).json().path("text").asString())
                .contains("#" + urgent)
                .doesNotContain("#" + quietB);
        assertThat(sms.get(0).verdict()).isEqualTo("ok");

        // back to the defaults: the assignment e-mail is written again
        assertThat(api.put(expert, "/api/me/notification-preferences", Map.of()).status())
                .isEqualTo(200);
        long mailed = api.ask(user, "B", "network", "偏好：恢复默认");
        List<Map<String, Object>> outbox =
                api.get(admin, "/api/admin/mail-outbox?limit=500").list();
        assertThat(outbox)
                .filteredOn(m -> "ASSIGNED".equals(m.get("kind")))
                .extracting(m -> ((Number) m.get("questionId")).longValue())
                .contains(mailed)
                .doesNotContain(silent, quietB, urgent);

        assertThat(api.put(expert, "/api/me/notification-preferences", Map.of("sms", List.of("NOPE")))
                        .get("type"))
                .isEqualTo("urn:kb:preferences-invalid");
        assertThat(api.put(
                                expert,
                                "/api/me/notification-preferences",
                                Map.of("quietStart", "25:00", "quietEnd", "07:00"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void shouldSendASignedArticlePublishedEventWhenTheReviewerApproves() throws Exception {
        channel(Map.of(
                "kind",
                "WEBHOOK",
                "name",
                "知识订阅",
                "url",
                receiver.url("/webhook/articles"),
                "secret",
                receiver.webhookSecret,
                "events",
                List.of("ARTICLE_PUBLISHED")));
        channel(Map.of(
                "kind",
                "WEBHOOK",
                "name",
                "只要分派",
                "url",
                receiver.url("/webhook/assigned-only"),
                "secret",
                receiver.webhookSecret,
                "events",
                List.of("ASSIGNED")));
        String expert = server.login("expert", "expert-demo-2026");
        Map<String, Object> draft = Map.of(
                "id",
                "CH-ART-1",
                "type",
                "faq",
                "lang",
                "zh",
                "category",
                "network",
                "title",
                "交换机端口闪断排查",
                "body",
                "检查光模块与链路。");
        assertThat(api.post(expert, "/api/expert/articles", draft).status()).isEqualTo(201);
        assertThat(api.post(expert, "/api/expert/articles/CH-ART-1/submit", null)
                        .get("status"))
                .isEqualTo("IN_REVIEW");
        Thread.sleep(500);
        assertThat(receiver.hits(h -> h.path().equals("/webhook/articles")))
                .as("not before it is published")
                .isEmpty();

        assertThat(api.post(admin, "/api/admin/articles/CH-ART-1/approve", Map.of("comment", "好"))
                        .get("status"))
                .isEqualTo("PUBLISHED");
        VendorReceiver.Hit hit = receiver.awaitHits(h -> h.path().equals("/webhook/articles"), 1, 10_000)
                .get(0);
        assertThat(hit.verdict()).as("Standard Webhooks signature").isEqualTo("ok");
        JsonNode p = hit.json();
        assertThat(p.path("type").asString()).isEqualTo("article.published");
        assertThat(p.path("data").path("articleId").asString()).isEqualTo("CH-ART-1");
        assertThat(p.path("data").path("title").asString()).isEqualTo("交换机端口闪断排查");
        assertThat(p.path("data").path("category").asString()).isEqualTo("network");
        assertThat(p.path("data").path("link").asString()).isEqualTo("https://kb.example/article/CH-ART-1");
        assertThat(p.path("data").has("questionId")).isFalse();

        // archived and published again: a second event with a new id
        api.post(admin, "/api/admin/articles/CH-ART-1/archive", null);
        assertThat(api.post(admin, "/api/admin/articles/CH-ART-1/publish", null).get("status"))
                .isEqualTo("PUBLISHED");
        List<VendorReceiver.Hit> both = receiver.awaitHits(h -> h.path().equals("/webhook/articles"), 2, 10_000);
        assertThat(both.get(1).headers().get("webhook-id"))
                .isNotEqualTo(both.get(0).headers().get("webhook-id"));
        Thread.sleep(500);
        assertThat(receiver.hits(h -> h.path().equals("/webhook/articles"))).hasSize(2);
        assertThat(receiver.hits(h -> h.path().equals("/webhook/assigned-only")))
                .as("routed by event type")
                .isEmpty();
    }

    private Map<String, Object> awaitStatus(long channelId, String status) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        Map<String, Object> last = null;
        while (System.currentTimeMillis() < deadline) {
            last = api.deliveries(admin, channelId).list().get(0);
            if (status.equals(last.get("status"))) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("delivery of channel " + channelId + " not " + status + ": " + last);
    }
}
