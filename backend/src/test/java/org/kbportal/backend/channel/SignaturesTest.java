package org.kbportal.backend.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signers against values computed independently (Python hmac) and the Standard Webhooks spec's example. */
class SignaturesTest {

    @Test
    void shouldSignDingTalkWithMillisecondsAndTheSecretAsKey() {
        assertThat(Signatures.dingTalk(1733385600000L, "SEC0123456789abcdef"))
                .isEqualTo("9gizFSB8Ofi6mIndv/NGjR4ab63Lcyf8XegzjR/15L0=");
    }

    @Test
    void shouldSignFeishuWithSecondsInTheKeyAndAnEmptyMessage() {
        assertThat(Signatures.feishu(1733385600L, "SEC0123456789abcdef"))
                .isEqualTo("tLwQNzETG6t8i7oTGrC9ASRrbf42KO7OjW9wd/jL2gY=");
    }

    @Test
    void shouldSignWebhooksAsTheStandardWebhooksExample() {
        assertThat(Signatures.standardWebhook(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330L,
                        "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void shouldRefuseAWebhookSecretThatIsNotBase64OfAUsableKey() {
        assertThatThrownBy(() -> Signatures.webhookKey("whsec_c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Signatures.webhookKey("whsec_not base64!"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSignSmsBodiesAsLowerCaseHex() {
        assertThat(Signatures.hexHmac("k", "body"))
                .isEqualTo("c6d811ef3aeb02437cd423f1abe13209041864630bdc4e2c04def5c7b0031a23");
    }

    @Test
    void shouldFitAChineseSmsIntoSeventyCharacters() {
        String title = "数据库主从复制延迟导致业务系统查询结果不一致，需要紧急排查处理并恢复服务，请值班工程师立即处理，并在处理完成后在门户中登记原因和处理过程";
        Payload p = Payload.of(
                new ChannelEvent(
                        EventType.SLA_BREACH,
                        42L,
                        null,
                        title,
                        "数据库",
                        "A",
                        "ASSIGNED",
                        null,
                        null,
                        List.of(),
                        null,
                        Instant.parse("2026-12-05T08:00:00Z")),
                "https://kb.example/questions/42",
                false);
        String sms = MessageText.sms(p);
        assertThat(sms.codePointCount(0, sms.length())).isEqualTo(MessageText.SMS_MAX);
        assertThat(sms).startsWith("【知识库】已超时 A级 #42 数据库主从复制").endsWith("…");
    }

    @Test
    void shouldFillSmsPlaceholdersOnceAndEscapeForTheBody() {
        String filled = SmsChannel.fill(
                "{\"to\":\"{phone}\",\"msg\":\"{text}\"}",
                Map.of(
                        "phone",
                        "13800000000",
                        "text",
                        "a \"{phone}\"",
                        "event",
                        "",
                        "id",
                        "",
                        "severity",
                        "",
                        "link",
                        ""),
                v -> v.replace("\"", "\\\""));
        assertThat(filled).isEqualTo("{\"to\":\"13800000000\",\"msg\":\"a \\\"{phone}\\\"\"}");
    }

    @Test
    void shouldMaskUrlQueryValuesSuchAsTheWeComKey() {
        assertThat(ChannelView.maskUrl("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc&x"))
                .isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***&x");
    }
}
