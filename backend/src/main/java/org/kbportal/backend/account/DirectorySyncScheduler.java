package org.kbportal.backend.account;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every {@code kb.ldap.sync-interval} ({@code KB_LDAP_SYNC_INTERVAL}): a directory sync, when one is configured. */
@Component
class DirectorySyncScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DirectorySyncScheduler.class);

    private final DirectoryService directory;
    private final LdapSettings settings;
    private volatile Disposable loop;

    DirectorySyncScheduler(DirectoryService directory, LdapSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    @Override
    public void start() {
        Duration every = settings.syncInterval();
        if (!directory.configured() || every == null || every.isZero() || every.isNegative()) {
            loop = Flux.never().subscribe();
            return;
        }
        loop = Flux.interval(every, every)
                .onBackpressureDrop()
                .concatMap(t -> directory
                        .sync("system")
                        .doOnNext(r -> log.info(
                                "Directory sync: {} created, {} updated, {} disabled",
                                r.created(),
                                r.updated(),
                                r.disabled()))
                        .onErrorResume(e -> {
                            log.warn("Directory sync failed: {}", e.getMessage());
                            return Mono.empty();
                        }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable l = loop;
        if (l != null) {
            l.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
