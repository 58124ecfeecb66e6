package org.kbportal.backend.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.testing.BackendServer;
import org.kbportal.backend.testing.PostgresCluster;

/**
 * Two instances on one PostgreSQL database drain one channel outbox: every event reaches the receiver
 * exactly once although both instances look for due deliveries every 100 ms, and an event written by an
 * instance whose drain is stopped is delivered by the other.
 */
class ChannelPostgresIT {

    @Test
    void shouldDeliverEachEventOnceFromEitherInstance() throws Exception {
        try (PostgresCluster pg = PostgresCluster.start("kb");
                VendorReceiver receiver = new VendorReceiver()) {
            Map<String, String> settings = pg.backendSettings(
                    "kb",
                    Map.of(
                            "kb.seed.index-data", "false",
                            "kb.search.embeddings", "false",
                            "kb.channel.drain-interval", "100ms",
                            "kb.channel.backoff-base", "300ms"));
            try (BackendServer one = BackendServer.start(BackendServer.tempDataDir("kb-channels-pg-1"), settings);
                    BackendServer two = BackendServer.start(BackendServer.tempDataDir("kb-channels-pg-2"), settings)) {
                ChannelApi api = new ChannelApi(one);
                String admin = one.login("admin", "admin-demo-2026");
                long channel = api.post(
                                admin,
                                "/api/admin/channels",
                                Map.of(
                                        "kind",
                                        "WEBHOOK",
                                        "name",
                                        "pg",
                                        "url",
                                        receiver.url("/webhook/pg"),
                                        "secret",
                                        receiver.webhookSecret,
                                        "events",
                                        List.of("ASSIGNED")))
                        .id();
                String user = one.login("user", "user-demo-2026");
                for (int i = 0; i < 6; i++) {
                    api.ask(user, "B", "network", "PG 实例 " + i + " 网络中断");
                }
                receiver.awaitHits(h -> h.path().equals("/webhook/pg"), 6, 20_000);
                Thread.sleep(1500);
                List<String> ids = receiver.ids(h -> h.path().equals("/webhook/pg"));
                assertThat(ids).hasSize(6);
                assertThat(ids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                        .allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
                assertThat(receiver.hits(h -> h.path().equals("/webhook/pg")))
                        .allSatisfy(h -> assertThat(h.verdict()).isEqualTo("ok"));

                // instance one writes the event but no longer drains: instance two delivers it
                one.bean(ChannelDrain.class).stop();
                long id = api.ask(user, "B", "network", "只由第二个实例发送");
                VendorReceiver.Hit hit = receiver.awaitHits(h -> h.path().equals("/webhook/pg"), 7, 20_000)
                        .get(6);
                assertThat(hit.json().path("data").path("questionId").asLong()).isEqualTo(id);
                assertThat(new ChannelApi(two)
                                .deliveries(two.login("admin", "admin-demo-2026"), channel)
                                .list())
                        .hasSize(7)
                        .allSatisfy(d -> assertThat(d.get("status")).isEqualTo("SENT"));
            }
        }
    }
}
