package org.kbportal.backend.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up which Java runs the backend and whether Lucene can score vectors with SIMD: that
 * needs the incubating Vector API module ({@code --add-modules jdk.incubator.vector}), which {@code
 * ./run.sh} and the test JVMs pass; a plain {@code java -jar} without it works, only slower.
 */
@Component
class RuntimeReport {

    private static final Logger log = LoggerFactory.getLogger(RuntimeReport.class);

    @EventListener(ApplicationStartedEvent.class)
    void report() {
        if (vectorApiEnabled()) {
            log.info("Java {}; Vector API module on: Lucene scores vectors with SIMD", Runtime.version());
        } else {
            log.warn(
                    "Java {}; Vector API module OFF: start the JVM with --add-modules jdk.incubator.vector"
                            + " (./run.sh does) so that Lucene scores vectors with SIMD",
                    Runtime.version());
        }
    }

    /** True when the JVM was started with the incubating Vector API module. */
    static boolean vectorApiEnabled() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
