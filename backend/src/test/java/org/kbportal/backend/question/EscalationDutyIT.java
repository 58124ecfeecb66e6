package org.kbportal.backend.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kbportal.backend.duty.DutyService;
import org.kbportal.backend.duty.Expert;
import org.kbportal.backend.notify.Notifier;
import org.kbportal.backend.notify.OutboxMail;
import org.kbportal.backend.system.KbProperties;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.contract.duty.Tier;

/**
 * Escalation follows the duty roster (H2, the demo roster: {@code expert} L1 24×7, {@code expert2}
 * L2 weekdays 08:00-20:00, {@code vendor} L3 weekdays 09:00-18:00). The clock is fixed by handing
 * the instants to the assigner, as the question service and the SLA monitor do with theirs; the
 * monitor's own loop is slowed to an hour so the real time cannot interfere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscalationDutyIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    BackendServer server;
    Api api;
    String admin;
    String user;
    String expert;
    ZoneId zone;

    @BeforeAll
    void start() {
        server = BackendServer.start(
                BackendServer.tempDataDir("kb-escalation-it"),
                Map.of(
                        "kb.seed.index-data", "false",
                        "kb.search.embeddings", "false",
                        "kb.questions.sla-check-interval", "1h"));
        api = new Api(server.client());
        admin = server.login("admin", "admin-demo-2026");
        user = server.login("user", "user-demo-2026");
        expert = server.login("expert", "expert-demo-2026");
        zone = server.bean(KbProperties.class).questions().zone();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anUrgentFaultOnFridayNightWaitsForMondayInsteadOfGoingToTheOffDutyVendor() {
        // as in the report: no L2 specialist for the category, so the next staffed tier is the vendor's
        DutyService duty = server.bean(DutyService.class);
        Expert l2 = duty.experts().filter(e -> e.username().equals("expert2")).blockFirst(WAIT);
        duty.save(l2.userId(), Tier.L2, l2.skills(), l2.maxLoad(), l2.organisation(), false)
                .block(WAIT);
        Expert vendor =
                duty.experts().filter(e -> e.username().equals("vendor")).blockFirst(WAIT);

        long id = api.post(
                        user,
                        "/api/questions",
                        Map.of(
                                "title", "核心交换机宕机",
                                "body", "<p>全网中断</p>",
                                "kind", "FAULT",
                                "severity", "A",
                                "category", "network"))
                .id();
        QuestionStore store = server.bean(QuestionStore.class);
        Assigner assigner = server.bean(Assigner.class);
        Question atL1 = store.find(id).block(WAIT);
        assertThat(atL1.tier()).isEqualTo(Tier.L1);

        Instant friday2303 = LocalDateTime.of(2026, 12, 4, 23, 3).atZone(zone).toInstant();
        Question escalated = assigner.escalate(atL1, null, "urgent", friday2303).block(WAIT);

        assertThat(escalated.assigneeId())
                .as("not given to the off-duty vendor")
                .isNull();
        assertThat(escalated.tier()).isEqualTo(Tier.L3);
        assertThat(escalated.escalated()).isTrue();
        assertThat(escalated.status()).isEqualTo(QuestionStatus.NEW);
        // the clocks run on as the policy says: waiting changes no due time
        assertThat(escalated.clocks().replyDueAt()).isEqualTo(atL1.clocks().replyDueAt());
        assertThat(escalated.clocks().resolveDueAt()).isEqualTo(atL1.clocks().resolveDueAt());

        // the asker and the admins learn when someone picks it up: Monday 09:00 in the roster's zone
        String zh = "12月7日（周一）09:00（" + zone.getId() + "）";
        assertThat(notifications(user)).anySatisfy(n -> {
            assertThat(n.get("kind")).isEqualTo("WAITING");
            assertThat((String) n.get("message")).contains(zh);
        });
        assertThat(notifications(admin))
                .anySatisfy(n -> assertThat((String) n.get("message")).contains(zh));
        List<OutboxMail> mails = server.bean(Notifier.class)
                .outbox(false, 100)
                .filter(m -> "WAITING".equals(m.kind()) && Long.valueOf(id).equals(m.questionId()))
                .collectList()
                .block(WAIT);
        assertThat(mails).extracting(OutboxMail::recipient).contains("user@kb.example", "admin@kb.example");
        assertThat(mails).allSatisfy(m -> assertThat(m.body()).contains("09:00"));
        assertThat(mails).noneSatisfy(m -> assertThat(m.recipient()).isEqualTo("vendor@example-tech.example"));

        // nobody comes on duty overnight or on the weekend
        for (Instant t : List.of(
                friday2303.plus(Duration.ofHours(1)),
                LocalDateTime.of(2026, 12, 6, 12, 0).atZone(zone).toInstant(),
                LocalDateTime.of(2026, 12, 7, 8, 59).atZone(zone).toInstant())) {
            assigner.routeWaiting(t).collectList().block(WAIT);
            assertThat(store.find(id).block(WAIT).assigneeId()).as("at %s", t).isNull();
        }

        // Monday 09:00: the vendor's shift starts and the waiting question is theirs
        Instant monday0900 = LocalDateTime.of(2026, 12, 7, 9, 0).atZone(zone).toInstant();
        assigner.routeWaiting(monday0900).collectList().block(WAIT);
        Question picked = store.find(id).block(WAIT);
        assertThat(picked.assigneeId()).isEqualTo(vendor.userId());
        assertThat(picked.tier()).isEqualTo(Tier.L3);
        assertThat(picked.status()).isEqualTo(QuestionStatus.ASSIGNED);

        duty.save(l2.userId(), Tier.L2, l2.skills(), l2.maxLoad(), l2.organisation(), true)
                .block(WAIT);
    }

    @Test
    void escalationGoesToTheNextTierOnDutyAndTheTierAfterItWhenNobodyIs() {
        QuestionStore store = server.bean(QuestionStore.class);
        Assigner assigner = server.bean(Assigner.class);
        DutyService duty = server.bean(DutyService.class);
        Expert l2 = duty.experts().filter(e -> e.username().equals("expert2")).blockFirst(WAIT);
        Expert vendor =
                duty.experts().filter(e -> e.username().equals("vendor")).blockFirst(WAIT);

        // Friday 19:00: the L2 specialist is on duty
        Question first = store.find(ask("交换机端口闪断")).block(WAIT);
        Instant friday1900 = LocalDateTime.of(2026, 12, 4, 19, 0).atZone(zone).toInstant();
        assertThat(assigner.escalate(first, null, null, friday1900).block(WAIT).assigneeId())
                .isEqualTo(l2.userId());

        // Friday 07:30: nobody above L1 is on duty yet; the L2 specialist starts first (08:00), so it
        // waits in the L2 queue
        Question second = store.find(ask("路由器丢包")).block(WAIT);
        Instant friday0730 = LocalDateTime.of(2026, 12, 4, 7, 30).atZone(zone).toInstant();
        Question waiting = assigner.escalate(second, null, null, friday0730).block(WAIT);
        assertThat(waiting.assigneeId()).isNull();
        assertThat(waiting.tier()).isEqualTo(Tier.L2);
        // at 09:30 both are on duty: the waiting question goes to its own tier
        assigner.routeWaiting(friday0730.plus(Duration.ofHours(2)))
                .collectList()
                .block(WAIT);
        assertThat(store.find(second.id()).block(WAIT).assigneeId()).isEqualTo(l2.userId());
        assertThat(vendor.tier()).isEqualTo(Tier.L3);
    }

    @Test
    void theEscalationDialogSeesWhoIsOnDutyPerTier() {
        Api.Reply now = api.get(expert, "/api/expert/duty/now?category=network");
        assertThat(now.status()).isEqualTo(200);
        assertThat(now.get("zone")).isEqualTo(zone.getId());
        List<Map<String, Object>> tiers = now.list("tiers");
        assertThat(tiers).extracting(t -> t.get("tier")).containsExactly("L1", "L2", "L3");
        // the L1 desk is staffed around the clock; the vendor's next shift is always known
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> l1 = (List<Map<String, Object>>) tiers.get(0).get("onDuty");
        assertThat(l1).extracting(e -> e.get("username")).contains("expert");
        assertThat(l1).allSatisfy(e -> assertThat(e).doesNotContainKey("email"));
        assertThat(tiers.get(2).get("nextStart")).isNotNull();

        assertThat(api.get(user, "/api/expert/duty/now").status()).isEqualTo(403);
        assertThat(api.get(expert, "/api/expert/duty/now?category=" + "x".repeat(65))
                        .get("type"))
                .isEqualTo("urn:kb:invalid-category");
    }

    private long ask(String title) {
        return api.post(
                        user,
                        "/api/questions",
                        Map.of(
                                "title", title,
                                "body", "<p>" + title + "</p>",
                                "kind", "FAULT",
                                "severity", "B",
                                "category", "network"))
                .id();
    }

    private List<Map<String, Object>> notifications(String token) {
        return server.client()
                .get()
                .uri("/api/notifications")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }
}
