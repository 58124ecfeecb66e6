package org.kbportal.backend.channel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A loopback HTTP server that plays the vendors' endpoints and checks what they check, with its own
 * (independent) signature code: WeCom ({@code /wecom?key=}), DingTalk ({@code /dingtalk?access_token=},
 * 加签), Feishu ({@code /feishu}, 签名校验) and a Standard Webhooks consumer ({@code /webhook...}), plus an
 * SMS gateway ({@code /sms}). It can answer errors, hang past the sender's timeout, and come back.
 */
final class VendorReceiver implements AutoCloseable {

    enum Mode {
        NORMAL,
        ERROR_500,
        HANG
    }

    /** One request as received, with the receiver's verdict ("ok" or why it refused). */
    record Hit(String path, String query, Map<String, String> headers, String body, String verdict, long atMillis) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    final List<Hit> hits = new CopyOnWriteArrayList<>();
    /** Behaviour by path prefix; paths not named here answer normally. */
    final Map<String, Mode> modes = new java.util.concurrent.ConcurrentHashMap<>();

    volatile String weComKey = "wecom-key-1";
    volatile String dingTalkSecret = "SECding0123456789";
    volatile String feishuSecret = "feishu-secret-1";
    volatile String webhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    volatile String smsSecret = "sms-secret-1";

    VendorReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    List<Hit> hits(Predicate<Hit> p) {
        return hits.stream().filter(p).toList();
    }

    List<Hit> awaitHits(Predicate<Hit> p, int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            List<Hit> h = hits(p);
            if (h.size() >= count) {
                return h;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("expected " + count + " hits within " + timeoutMillis + " ms, got " + hits(p));
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
        String path = ex.getRequestURI().getPath();
        String query = ex.getRequestURI().getRawQuery();
        Mode m = modes.entrySet().stream()
                .filter(e -> path.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(Mode.NORMAL);
        if (m == Mode.HANG) {
            hits.add(new Hit(path, query, headers, body, "hung", System.currentTimeMillis()));
            try {
                Thread.sleep(4000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
            return;
        }
        if (m == Mode.ERROR_500) {
            hits.add(new Hit(path, query, headers, body, "500", System.currentTimeMillis()));
            answer(ex, 500, "{\"error\":\"down\"}");
            return;
        }
        String verdict;
        String answer;
        int status = 200;
        try {
            if (!"POST".equals(ex.getRequestMethod())) {
                verdict = "method " + ex.getRequestMethod();
                answer = "{}";
                status = 405;
            } else if (path.startsWith("/wecom")) {
                verdict = weCom(query, headers, body);
                answer = verdict.equals("ok")
                        ? "{\"errcode\":0,\"errmsg\":\"ok\"}"
                        : "{\"errcode\":93000,\"errmsg\":\"" + verdict + "\"}";
            } else if (path.startsWith("/dingtalk")) {
                verdict = dingTalk(query, headers, body);
                answer = verdict.equals("ok")
                        ? "{\"errcode\":0,\"errmsg\":\"ok\"}"
                        : "{\"errcode\":310000,\"errmsg\":\"" + verdict + "\"}";
            } else if (path.startsWith("/feishu")) {
                verdict = feishu(headers, body);
                answer = verdict.equals("ok")
                        ? "{\"code\":0,\"data\":{},\"msg\":\"success\"}"
                        : "{\"code\":19021,\"msg\":\"" + verdict + "\"}";
            } else if (path.startsWith("/webhook")) {
                verdict = webhook(headers, body);
                answer = "{}";
                status = verdict.equals("ok") ? 200 : 401;
            } else if (path.startsWith("/sms")) {
                verdict = sms(headers, body);
                answer = "{\"result\":\"" + verdict + "\"}";
                status = verdict.equals("ok") ? 200 : 400;
            } else {
                verdict = "unknown path";
                answer = "{}";
                status = 404;
            }
        } catch (RuntimeException e) {
            verdict = "malformed: " + e;
            answer = "{\"errcode\":40035,\"errmsg\":\"malformed\"}";
        }
        hits.add(new Hit(path, query, headers, body, verdict, System.currentTimeMillis()));
        answer(ex, status, answer);
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    private String weCom(String query, Map<String, String> headers, String body) {
        if (!query(query).getOrDefault("key", "").equals(weComKey)) {
            return "invalid webhook url";
        }
        if (!headers.getOrDefault("content-type", "").startsWith("application/json")) {
            return "content type";
        }
        JsonNode n = JSON.readTree(body);
        if (!"markdown".equals(n.path("msgtype").asString())
                || !n.path("markdown").path("content").isString()
                || n.path("markdown").path("content").asString().getBytes(StandardCharsets.UTF_8).length > 4096) {
            return "invalid message";
        }
        return "ok";
    }

    private String dingTalk(String query, Map<String, String> headers, String body) {
        Map<String, String> q = query(query);
        String ts = q.get("timestamp");
        String sign = q.get("sign");
        if (ts == null || sign == null) {
            return "missing timestamp or sign";
        }
        if (Math.abs(System.currentTimeMillis() - Long.parseLong(ts)) > 3_600_000) {
            return "timestamp too old";
        }
        String expected =
                Base64.getEncoder().encodeToString(hmac(utf8(dingTalkSecret), utf8(ts + "\n" + dingTalkSecret)));
        if (!MessageDigest.isEqual(utf8(expected), utf8(sign))) {
            return "sign not match";
        }
        if (!headers.getOrDefault("content-type", "").startsWith("application/json")) {
            return "content type";
        }
        JsonNode n = JSON.readTree(body);
        JsonNode md = n.path("markdown");
        if (!"markdown".equals(n.path("msgtype").asString())
                || !md.path("title").isString()
                || !md.path("text").isString()
                || !n.path("at").path("atMobiles").isArray()
                || !n.path("at").path("isAtAll").isBoolean()) {
            return "invalid message";
        }
        for (JsonNode mobile : n.path("at").path("atMobiles")) {
            if (!md.path("text").asString().contains("@" + mobile.asString())) {
                return "text lacks @" + mobile.asString();
            }
        }
        return "ok";
    }

    private String feishu(Map<String, String> headers, String body) {
        if (!headers.getOrDefault("content-type", "").startsWith("application/json")) {
            return "content type";
        }
        JsonNode n = JSON.readTree(body);
        if (!n.path("timestamp").isString() || !n.path("sign").isString()) {
            return "sign match fail";
        }
        long ts = Long.parseLong(n.path("timestamp").asString());
        if (Math.abs(System.currentTimeMillis() / 1000 - ts) > 3600) {
            return "timestamp is not within one hour";
        }
        String expected = Base64.getEncoder().encodeToString(hmac(utf8(ts + "\n" + feishuSecret), new byte[0]));
        if (!expected.equals(n.path("sign").asString())) {
            return "sign match fail";
        }
        if (!"text".equals(n.path("msg_type").asString())
                || !n.path("content").path("text").isString()) {
            return "invalid message";
        }
        return "ok";
    }

    /** Verification as the Standard Webhooks reference libraries do it (5 minutes tolerance). */
    private String webhook(Map<String, String> headers, String body) {
        String id = headers.get("webhook-id");
        String ts = headers.get("webhook-timestamp");
        String sigs = headers.get("webhook-signature");
        if (id == null || ts == null || sigs == null) {
            return "missing headers";
        }
        if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(ts)) > 300) {
            return "timestamp out of tolerance";
        }
        byte[] key = Base64.getDecoder().decode(webhookSecret.substring("whsec_".length()));
        String expected = Base64.getEncoder().encodeToString(hmac(key, utf8(id + "." + ts + "." + body)));
        for (String s : sigs.split(" ")) {
            String[] parts = s.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1") && MessageDigest.isEqual(utf8(parts[1]), utf8(expected))) {
                return "ok";
            }
        }
        return "no matching signature";
    }

    private String sms(Map<String, String> headers, String body) {
        String sig = headers.get("x-signature");
        String expected = java.util.HexFormat.of().formatHex(hmac(utf8(smsSecret), utf8(body)));
        if (!expected.equals(sig)) {
            return "bad signature";
        }
        if (!"gw-key".equals(headers.get("x-api-key"))) {
            return "bad api key";
        }
        return "ok";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String p : raw.split("&")) {
            int eq = p.indexOf('=');
            if (eq > 0) {
                out.put(p.substring(0, eq), URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    List<String> ids(Predicate<Hit> p) {
        List<String> out = new ArrayList<>();
        hits(p).forEach(h -> out.add(h.headers().get("webhook-id")));
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
