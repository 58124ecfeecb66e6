package org.kbportal.backend.contract;

import org.kbportal.backend.question.QuestionLimits;
import org.kbportal.backend.system.KbProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/rules} (public): the limits the backend enforces, as configured ({@code kb.*}), so that clients
 * show and check them instead of copying them.
 */
@RestController
class RulesController {

    /**
     * The rules in force.
     *
     * @param search how deep and how long a search may go
     * @param manualMaxBytes largest manual upload ({@code kb.manuals.max-upload})
     * @param articleAttachmentMaxBytes largest article attachment ({@code kb.attachments.max-upload})
     * @param importMaxBytes largest NDJSON import ({@code kb.ingest.max-bytes})
     * @param questions lengths and attachment limits of questions ({@code kb.questions.*})
     */
    record ServerRules(
            SearchRules search,
            long manualMaxBytes,
            long articleAttachmentMaxBytes,
            long importMaxBytes,
            QuestionLimits questions) {}

    /**
     * @param maxResultWindow deepest reachable hit (page × size)
     * @param maxPageSize largest page
     * @param maxQueryLength longest query in characters
     */
    record SearchRules(int maxResultWindow, int maxPageSize, int maxQueryLength) {}

    private final ServerRules rules;

    RulesController(KbProperties props) {
        this.rules = new ServerRules(
                new SearchRules(
                        props.search().maxResultWindow(),
                        props.search().maxPageSize(),
                        props.search().maxQueryLength()),
                props.manuals().maxUpload().toBytes(),
                props.attachments().maxUpload().toBytes(),
                props.ingest().maxBytes().toBytes(),
                QuestionLimits.of(props.questions()));
    }

    @GetMapping("/api/rules")
    Mono<ServerRules> rules() {
        return Mono.just(rules);
    }
}
