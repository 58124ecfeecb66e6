package org.kbportal.backend.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.TwoInstances;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Two backend instances on one PostgreSQL run their publication schedulers at the same moment:
 * every due article is published exactly once (one PUBLISHED event, one new version).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchedulerRaceIT {

    TwoInstances instances;
    BackendServer a;
    BackendServer b;

    @BeforeAll
    void start() throws Exception {
        instances = TwoInstances.start("kb-sched", Map.of("kb.curation.schedule-interval", "1h"));
        a = instances.a();
        b = instances.b();
    }

    @AfterAll
    void stop() throws Exception {
        if (instances != null) {
            instances.close();
        }
    }

    Map<String, Object> send(String method, String token, String uri, Object body) {
        return a.client()
                .method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(uri)
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .is2xxSuccessful()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    @Test
    void shouldPublishEachDueArticleExactlyOnceWhenTwoInstancesRace() throws Exception {
        String admin = a.login("admin", "admin-demo-2026");
        int n = 6;
        // far enough ahead that all approvals happen before it, even on a loaded machine
        Instant publishAt = Instant.now().plusSeconds(30);
        for (int i = 0; i < n; i++) {
            String id = "RACE-" + i;
            send(
                    "POST",
                    admin,
                    "/api/admin/articles",
                    Map.of("id", id, "type", "faq", "lang", "zh", "title", "定时 " + i, "body", "正文 " + i));
            send("PUT", admin, "/api/expert/articles/" + id + "/schedule", Map.of("publishAt", publishAt.toString()));
            send("POST", admin, "/api/expert/articles/" + id + "/submit", Map.of());
            assertThat(send("POST", admin, "/api/admin/articles/" + id + "/approve", Map.of())
                            .get("status"))
                    .isEqualTo("IN_REVIEW");
        }
        Thread.sleep(Math.max(0, publishAt.toEpochMilli() - System.currentTimeMillis()) + 300);

        ArticleWorkflow wa = a.bean(ArticleWorkflow.class);
        ArticleWorkflow wb = b.bean(ArticleWorkflow.class);
        List<Integer> runs = Flux.merge(
                        wa.publishDue().subscribeOn(Schedulers.boundedElastic()),
                        wb.publishDue().subscribeOn(Schedulers.boundedElastic()),
                        wa.publishDue().subscribeOn(Schedulers.boundedElastic()),
                        wb.publishDue().subscribeOn(Schedulers.boundedElastic()))
                .collectList()
                .block();
        assertThat(runs.stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
        assertThat(Mono.zip(wa.publishDue(), wb.publishDue()).block().getT1()).isZero();

        ArticleEvents events = a.bean(ArticleEvents.class);
        for (int i = 0; i < n; i++) {
            String id = "RACE-" + i;
            Map<String, Object> article = a.client()
                    .get()
                    .uri("/api/articles/" + id)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                    .returnResult()
                    .getResponseBody();
            assertThat(article).containsEntry("status", "PUBLISHED").containsEntry("version", 3);
            assertThat(events.count(id, "PUBLISHED").block()).isEqualTo(1);
        }
    }
}
