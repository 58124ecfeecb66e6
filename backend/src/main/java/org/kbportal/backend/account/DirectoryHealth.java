package org.kbportal.backend.account;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code directory} health: UP when no directory is configured or it answers the user filter with the
 * service account and finds a user, DOWN with the problem (unreachable, tls, bind-credentials, filter,
 * no-users, base) otherwise
 * ({@code /actuator/health/directory}). Not part of readiness: local accounts keep working without it.
 */
@Component("directory")
class DirectoryHealth implements ReactiveHealthIndicator {

    private final DirectoryService directory;

    DirectoryHealth(DirectoryService directory) {
        this.directory = directory;
    }

    @Override
    public Mono<Health> health() {
        if (!directory.configured()) {
            return Mono.just(Health.up().withDetail("configured", false).build());
        }
        return directory
                .status()
                .map(s -> s.problem() == null
                        ? Health.up().withDetail("configured", true).build()
                        : Health.down()
                                .withDetail("configured", true)
                                .withDetail("problem", s.problem().kind())
                                .withDetail("detail", s.problem().message())
                                .build());
    }
}
