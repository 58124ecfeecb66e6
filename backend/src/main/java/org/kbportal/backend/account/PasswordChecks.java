package org.kbportal.backend.account;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Password checks for logins, at most {@code kb.login.max-concurrent-checks} at once (bcrypt is
 * meant to be slow: unbounded parallel logins would keep every core busy). An unknown user is checked
 * against a hash made at start-up with the same encoder, so both answers take the same time.
 */
@Component
class PasswordChecks {

    private final PasswordEncoder encoder;
    private final Semaphore permits;
    private final long waitMillis;
    private final String dummyHash;

    PasswordChecks(PasswordEncoder encoder, KbProperties props) {
        this.encoder = encoder;
        this.permits = new Semaphore(Math.max(1, props.login().maxConcurrentChecks()), true);
        this.waitMillis = props.login().checkWait().toMillis();
        this.dummyHash = encoder.encode("no user has this password " + System.nanoTime());
    }

    /**
     * Whether {@code raw} matches {@code hash}; with a null hash (no such user) the same work is done
     * and the answer is false. 503 problem when no check is free within {@code kb.login.check-wait}.
     */
    Mono<Boolean> matches(String raw, String hash) {
        return Mono.fromCallable(() -> {
                    if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                        throw new KbException(
                                        HttpStatus.SERVICE_UNAVAILABLE,
                                        "login-busy",
                                        "Too many logins at once",
                                        "Too many logins are being checked right now; try again in a moment.")
                                .header("Retry-After", "1");
                    }
                    try {
                        boolean ok = encoder.matches(raw, hash == null ? dummyHash : hash);
                        return ok && hash != null;
                    } finally {
                        permits.release();
                    }
                })
                .subscribeOn(Schedulers.boundedElastic())
                // the throttle and audit writes that follow must not run on the worker: cancelling it
                // interrupts the thread, and an interrupted H2 file write closes the database
                .publishOn(Schedulers.parallel());
    }
}
