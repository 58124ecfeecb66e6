package org.kbportal.backend.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Experts change their own drafts and those made from questions assigned to them; other experts
 * (the external vendor too) read them but get {@code 403 urn:kb:not-your-draft}; admins may edit any.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DraftEditingIT {

    BackendServer server;
    String admin;
    String secadmin;
    String expert;
    String expert2;
    String vendor;
    String user;

    record Reply(int status, Map<String, Object> body) {
        Object get(String key) {
            return body == null ? null : body.get(key);
        }
    }

    @BeforeAll
    void start() {
        server = BackendServer.start(
                BackendServer.tempDataDir("kb-draft-editing-it"),
                Map.of("kb.seed.index-data", "false", "kb.search.embeddings", "false"));
        admin = server.login("admin", "admin-demo-2026");
        secadmin = server.login("secadmin", "secadmin-demo-2026");
        expert = server.login("expert", "expert-demo-2026");
        expert2 = server.login("expert2", "expert2-demo-2026");
        vendor = server.login("vendor", "vendor-demo-2026");
        user = server.login("user", "user-demo-2026");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anotherExpertReadsButCannotChangeADraftItsAuthorAndAdminsCan() {
        Map<String, Object> draft = faq("DRAFT-OWN-1", "VPN 连不上怎么办", "先检查账号是否过期。");
        assertThat(call(HttpMethod.POST, expert, "/api/expert/articles", draft).status())
                .isEqualTo(201);

        Map<String, Object> edit = new HashMap<>(draft);
        edit.put("body", "被别人改掉的内容");
        Reply refused = call(HttpMethod.PUT, expert2, "/api/expert/articles/DRAFT-OWN-1", edit);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.get("type")).isEqualTo("urn:kb:not-your-draft");
        assertThat(call(HttpMethod.PUT, vendor, "/api/expert/articles/DRAFT-OWN-1", edit)
                        .status())
                .isEqualTo(403);
        assertThat(call(HttpMethod.POST, expert2, "/api/expert/articles/DRAFT-OWN-1/submit", Map.of())
                        .get("type"))
                .isEqualTo("urn:kb:not-your-draft");
        assertThat(call(
                                HttpMethod.PUT,
                                expert2,
                                "/api/expert/articles/DRAFT-OWN-1/schedule",
                                Map.of("reviewBy", "2030-01-01T00:00:00Z"))
                        .status())
                .isEqualTo(403);
        // nothing changed, and the other expert may still read it
        Reply read = call(HttpMethod.GET, expert2, "/api/articles/DRAFT-OWN-1", null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.get("body")).isEqualTo("先检查账号是否过期。");
        assertThat(read.get("version")).isEqualTo(1);
        assertThat(call(HttpMethod.GET, expert2, "/api/expert/articles/DRAFT-OWN-1/permissions", null)
                        .body())
                .containsEntry("edit", false)
                .containsEntry("submit", false);
        assertThat(call(HttpMethod.GET, user, "/api/expert/articles/DRAFT-OWN-1/permissions", null)
                        .status())
                .isEqualTo(403);

        // the author can
        assertThat(call(HttpMethod.GET, expert, "/api/expert/articles/DRAFT-OWN-1/permissions", null)
                        .body())
                .containsEntry("edit", true)
                .containsEntry("submit", true);
        edit.put("body", "先检查账号是否过期，再检查客户端版本。");
        assertThat(call(HttpMethod.PUT, expert, "/api/expert/articles/DRAFT-OWN-1", edit)
                        .status())
                .isEqualTo(200);
        // and so can an admin, through the expert API too
        edit.put("body", "管理员修订。");
        assertThat(call(HttpMethod.PUT, admin, "/api/expert/articles/DRAFT-OWN-1", edit)
                        .status())
                .isEqualTo(200);
        assertThat(call(HttpMethod.GET, admin, "/api/expert/articles/DRAFT-OWN-1/permissions", null)
                        .body())
                .containsEntry("edit", true);
        assertThat(call(HttpMethod.GET, expert, "/api/articles/DRAFT-OWN-1", null)
                        .get("version"))
                .isEqualTo(3);
        assertThat(call(HttpMethod.POST, expert, "/api/expert/articles/DRAFT-OWN-1/submit", Map.of())
                        .get("status"))
                .isEqualTo("IN_REVIEW");
    }

    @Test
    void theExpertAssignedToTheQuestionBehindADraftMayChangeIt() {
        Reply asked = call(
                HttpMethod.POST,
                user,
                "/api/questions",
                Map.of(
                        "title", "共享打印机无法添加",
                        "body", "<p>添加共享打印机时报错 0x0000011b</p>",
                        "kind", "CONSULTATION",
                        "severity", "C",
                        "category", "software"));
        assertThat(asked.status()).isEqualTo(201);
        long q = ((Number) asked.get("id")).longValue();
        long expertId = userId("expert");
        long expert2Id = userId("expert2");
        handOver(q, expertId);
        assertThat(call(
                                HttpMethod.POST,
                                expert,
                                "/api/questions/" + q + "/messages",
                                Map.of("body", "<p>安装 KB5005565 后在注册表中关闭 RpcAuthnLevelPrivacyEnabled。</p>"))
                        .status())
                .isEqualTo(200);
        Reply published = call(HttpMethod.POST, expert, "/api/questions/" + q + "/publish", Map.of("type", "FAQ"));
        assertThat(published.status()).as("%s", published.body()).isEqualTo(201);
        String article = (String) published.get("articleId");
        assertThat(call(
                                HttpMethod.POST,
                                admin,
                                "/api/admin/articles/" + article + "/send-back",
                                Map.of("comment", "补充"))
                        .get("status"))
                .isEqualTo("DRAFT");
        handOver(q, expert2Id);

        Map<String, Object> edit = faq(article, "共享打印机无法添加（0x0000011b）", "补充后的解决办法。");
        edit.remove("id");
        assertThat(call(HttpMethod.PUT, vendor, "/api/expert/articles/" + article, edit)
                        .get("type"))
                .isEqualTo("urn:kb:not-your-draft");
        assertThat(call(HttpMethod.PUT, expert2, "/api/expert/articles/" + article, edit)
                        .status())
                .isEqualTo(200);
        // the author (who answered first) keeps the draft too
        assertThat(call(HttpMethod.PUT, expert, "/api/expert/articles/" + article, edit)
                        .status())
                .isEqualTo(200);
    }

    /** Makes {@code to} the assignee (routing may have picked them already). */
    private void handOver(long question, long to) {
        Reply r = call(HttpMethod.POST, admin, "/api/questions/" + question + "/handover", Map.of("to", to));
        if (r.status() != 200) {
            assertThat(r.get("type")).as("handover %s", r.body()).isEqualTo("urn:kb:already-assignee");
        }
    }

    private long userId(String username) {
        return server
                .client()
                .get()
                .uri("/api/admin/users")
                .header("Authorization", "Bearer " + secadmin)
                .exchange()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody()
                .stream()
                .filter(u -> u.get("username").equals(username))
                .map(u -> ((Number) u.get("id")).longValue())
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, Object> faq(String id, String title, String body) {
        return new HashMap<>(
                Map.of("id", id, "type", "faq", "lang", "zh", "title", title, "body", body, "category", "network"));
    }

    private Reply call(HttpMethod method, String token, String uri, Object body) {
        WebTestClient.RequestBodySpec spec =
                server.client().method(method).uri(uri).header("Authorization", "Bearer " + token);
        WebTestClient.RequestHeadersSpec<?> ready = body == null
                ? spec
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        EntityExchangeResult<Map<String, Object>> r = ready.exchange()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult();
        return new Reply(r.getStatus().value(), r.getResponseBody());
    }
}
