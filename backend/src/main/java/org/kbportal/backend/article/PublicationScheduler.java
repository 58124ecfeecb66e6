package org.kbportal.backend.article;

import org.kbportal.backend.system.CurationProperties;
import org.kbportal.backend.system.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Every {@code kb.curation.schedule-interval}: publishes approved articles whose time has come. */
@Component
class PublicationScheduler extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(PublicationScheduler.class);

    private final ArticleWorkflow workflow;
    private final CurationProperties props;

    PublicationScheduler(ArticleWorkflow workflow, CurationProperties props) {
        super("Scheduled publication");
        this.workflow = workflow;
        this.props = props;
    }

    @Override
    protected Schedule schedule() {
        return Schedule.every(props.scheduleInterval());
    }

    @Override
    protected Mono<Integer> runOnce() {
        return workflow.publishDue().doOnNext(n -> {
            if (n > 0) {
                log.info("Published {} scheduled article(s)", n);
            }
        });
    }
}
