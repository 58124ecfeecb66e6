package org.kbportal.backend.system;

import reactor.core.publisher.Mono;

/** Start-up data a feature adds after the accounts exist (run in order, before readiness). */
public interface StartupSeed {

    Mono<Void> seed();
}
