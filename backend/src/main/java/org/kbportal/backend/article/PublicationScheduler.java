package org.kbportal.backend.article;

import java.time.Duration;
import org.kbportal.backend.system.CurationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every {@code kb.curation.schedule-interval}: publishes approved articles whose time has come. */
@Component
class PublicationScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublicationScheduler.class);

    private final ArticleWorkflow workflow;
    private final CurationProperties props;
    private volatile Disposable loop;

    PublicationScheduler(ArticleWorkflow workflow, CurationProperties props) {
        this.workflow = workflow;
        this.props = props;
    }

    @Override
    public void start() {
        Duration every = props.scheduleInterval();
        loop = Flux.interval(every, every)
                .onBackpressureDrop()
                .concatMap(t -> workflow.publishDue()
                        .doOnNext(n -> {
                            if (n > 0) {
                                log.info("Published {} scheduled article(s)", n);
                            }
                        })
                        .onErrorResume(e -> {
                            log.warn("Scheduled publication failed: {}", e.toString());
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
