package org.kbportal.backend.channel;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The three group robots: WeCom (企业微信), DingTalk (钉钉) and Feishu/Lark (飞书), each as its vendor documents. */
@Configuration(proxyBeanMethods = false)
class RobotChannels {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json; charset=utf-8");

    /** WeCom group robot: markdown message to the webhook URL (the key is in the URL); {@code errcode} 0 is success. */
    @Bean
    Channel weComChannel(ObjectMapper json) {
        return new Channel() {
            @Override
            public ChannelKind kind() {
                return ChannelKind.WECOM;
            }

            @Override
            public Outgoing request(StoredChannel c, String secret, Delivery d, Payload p, Instant now) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("msgtype", "markdown");
                body.put("markdown", Map.of("content", MessageText.cut(MessageText.markdown(p), 1300)));
                return new Outgoing("POST", URI.create(c.url()), JSON, json.writeValueAsString(body));
            }

            @Override
            public boolean accepted(int status, String body) {
                return status / 100 == 2 && code(json, body, "errcode") == 0;
            }
        };
    }

    /**
     * DingTalk custom robot: markdown with {@code at.atMobiles} (the text names each {@code @mobile}); with a
     * secret (加签) the URL gets {@code &timestamp=<ms>&sign=<urlencoded>}. {@code errcode} 0 is success.
     */
    @Bean
    Channel dingTalkChannel(ObjectMapper json) {
        return new Channel() {
            @Override
            public ChannelKind kind() {
                return ChannelKind.DINGTALK;
            }

            @Override
            public Outgoing request(StoredChannel c, String secret, Delivery d, Payload p, Instant now) {
                List<String> mobiles =
                        p.data().mobiles() == null ? List.of() : p.data().mobiles();
                StringBuilder text = new StringBuilder(MessageText.markdown(p));
                if (!mobiles.isEmpty()) {
                    text.append("\n");
                    mobiles.forEach(m -> text.append("@").append(m).append(" "));
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("msgtype", "markdown");
                body.put(
                        "markdown",
                        Map.of("title", MessageText.cut(MessageText.heading(p), 60), "text", text.toString()));
                body.put("at", Map.of("atMobiles", mobiles, "isAtAll", false));
                String url = c.url();
                if (secret != null && !secret.isEmpty()) {
                    long ts = now.toEpochMilli();
                    url += (url.contains("?") ? "&" : "?") + "timestamp=" + ts + "&sign="
                            + URLEncoder.encode(Signatures.dingTalk(ts, secret), StandardCharsets.UTF_8);
                }
                return new Outgoing("POST", URI.create(url), JSON, json.writeValueAsString(body));
            }

            @Override
            public boolean accepted(int status, String body) {
                return status / 100 == 2 && code(json, body, "errcode") == 0;
            }
        };
    }

    /**
     * Feishu/Lark custom bot: a text message; with a secret (签名校验) the body carries {@code timestamp}
     * (seconds) and {@code sign}. {@code code} 0 is success (older answers: {@code StatusCode} 0).
     */
    @Bean
    Channel feishuChannel(ObjectMapper json) {
        return new Channel() {
            @Override
            public ChannelKind kind() {
                return ChannelKind.FEISHU;
            }

            @Override
            public Outgoing request(StoredChannel c, String secret, Delivery d, Payload p, Instant now) {
                Map<String, Object> body = new LinkedHashMap<>();
                if (secret != null && !secret.isEmpty()) {
                    long ts = now.getEpochSecond();
                    body.put("timestamp", String.valueOf(ts));
                    body.put("sign", Signatures.feishu(ts, secret));
                }
                body.put("msg_type", "text");
                body.put("content", Map.of("text", MessageText.plain(p)));
                return new Outgoing("POST", URI.create(c.url()), JSON, json.writeValueAsString(body));
            }

            @Override
            public boolean accepted(int status, String body) {
                if (status / 100 != 2) {
                    return false;
                }
                int code = code(json, body, "code");
                return code == 0 || (code == Integer.MIN_VALUE && code(json, body, "StatusCode") == 0);
            }
        };
    }

    /** A numeric field of a JSON answer; MIN_VALUE when the answer is not JSON or lacks it. */
    static int code(ObjectMapper json, String body, String field) {
        try {
            JsonNode n = json.readTree(body == null ? "" : body);
            JsonNode v = n == null ? null : n.get(field);
            return v != null && v.isNumber() ? v.asInt() : Integer.MIN_VALUE;
        } catch (RuntimeException e) {
            return Integer.MIN_VALUE;
        }
    }
}
