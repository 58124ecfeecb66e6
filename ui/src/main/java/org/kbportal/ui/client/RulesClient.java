package org.kbportal.ui.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.kbportal.contract.rules.ServerRules;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.GetExchange;

/**
 * The backend's rules ({@code GET /api/rules}, public), shared by all sessions and fetched again every few
 * minutes: they change only when the backend is configured anew.
 */
@Component
public class RulesClient {

    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final Api api;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private record Snapshot(ServerRules rules, Instant loadedAt) {}

    /** The one request. */
    interface Api {
        @GetExchange("/api/rules")
        ServerRules rules();
    }

    public RulesClient(RestClient backendRestClient, Clock clock) {
        this.api = BackendServices.over(backendRestClient).client(Api.class);
        this.clock = clock;
    }

    /**
     * The rules in force.
     *
     * @throws BackendException when the backend cannot be asked and nothing was fetched before
     */
    public ServerRules rules() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.loadedAt().plus(MAX_AGE).isBefore(now)) {
            try {
                current = new Snapshot(api.rules(), now);
                snapshot = current;
            } catch (BackendException e) {
                if (current == null) {
                    throw e;
                }
                // the last rules the backend sent are still the best guess
            }
        }
        return current.rules();
    }
}
