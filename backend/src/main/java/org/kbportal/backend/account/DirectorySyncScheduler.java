package org.kbportal.backend.account;

import java.time.Duration;
import org.kbportal.backend.system.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Every {@code kb.ldap.sync-interval} ({@code KB_LDAP_SYNC_INTERVAL}): a directory sync, when one is configured. */
@Component
class DirectorySyncScheduler extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(DirectorySyncScheduler.class);

    private final DirectoryService directory;
    private final LdapSettings settings;

    DirectorySyncScheduler(DirectoryService directory, LdapSettings settings) {
        super("Directory sync");
        this.directory = directory;
        this.settings = settings;
    }

    @Override
    protected Schedule schedule() {
        Duration every = settings.syncInterval();
        return directory.configured() && every != null ? Schedule.every(every) : Schedule.IDLE;
    }

    @Override
    protected Mono<?> runOnce() {
        return directory
                .sync("system")
                .doOnNext(r -> log.info(
                        "Directory sync: {} created, {} updated, {} disabled", r.created(), r.updated(), r.disabled()));
    }
}
