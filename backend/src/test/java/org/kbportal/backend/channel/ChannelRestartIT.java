package org.kbportal.backend.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.testing.BackendServer;

/**
 * Deliveries survive a restart: messages that failed before the backend stopped are sent by the next
 * start, each exactly once and with the webhook id it had before (no duplicate storm, no new ids).
 */
class ChannelRestartIT {

    private static Map<String, String> settings() {
        return Map.of(
                "kb.seed.index-data", "false",
                "kb.search.embeddings", "false",
                "kb.channel.drain-interval", "100ms",
                "kb.channel.backoff-base", "300ms",
                "kb.channel.backoff-max", "1s",
                "kb.channel.max-attempts", "50",
                "kb.channel.timeout", "1s",
                "kb.channel.lease", "5s");
    }

    @Test
    void shouldSendWhatFailedBeforeARestartOnceWithItsId() throws Exception {
        Path dir = BackendServer.tempDataDir("kb-channels-restart");
        try (VendorReceiver receiver = new VendorReceiver()) {
            receiver.modes.put("/webhook/restart", VendorReceiver.Mode.ERROR_500);
            Set<String> ids = new HashSet<>();
            try (BackendServer one = BackendServer.start(dir, settings())) {
                ChannelApi api = new ChannelApi(one);
                String admin = one.login("admin", "admin-demo-2026");
                long id = api.post(
                                admin,
                                "/api/admin/channels",
                                Map.of(
                                        "kind",
                                        "WEBHOOK",
                                        "name",
                                        "restart",
                                        "url",
                                        receiver.url("/webhook/restart"),
                                        "secret",
                                        receiver.webhookSecret))
                        .id();
                for (int i = 0; i < 3; i++) {
                    assertThat(api.post(admin, "/api/admin/channels/" + id + "/test", null)
                                    .get("status"))
                            .isEqualTo("FAILED");
                }
                // every message is retried at least once before the stop
                receiver.awaitHits(h -> h.path().equals("/webhook/restart"), 6, 15_000);
                ids.addAll(receiver.ids(h -> h.path().equals("/webhook/restart")));
                assertThat(ids).hasSize(3);
            }
            receiver.modes.remove("/webhook/restart");
            try (BackendServer two = BackendServer.start(dir, settings())) {
                List<VendorReceiver.Hit> ok = receiver.awaitHits(
                        h -> h.path().equals("/webhook/restart") && h.verdict().equals("ok"), 3, 20_000);
                Thread.sleep(2000);
                ok = receiver.hits(
                        h -> h.path().equals("/webhook/restart") && h.verdict().equals("ok"));
                assertThat(ok).as("each message once").hasSize(3);
                assertThat(ok.stream().map(h -> h.headers().get("webhook-id")).toList())
                        .containsExactlyInAnyOrderElementsOf(ids);
            }
        }
    }
}
