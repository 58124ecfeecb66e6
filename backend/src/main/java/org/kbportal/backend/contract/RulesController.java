package org.kbportal.backend.contract;

import org.kbportal.backend.system.KbProperties;
import org.kbportal.contract.question.QuestionLimits;
import org.kbportal.contract.rules.SearchRules;
import org.kbportal.contract.rules.ServerRules;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/rules} (public): the limits the backend enforces, as configured ({@code kb.*}), so that clients
 * show and check them instead of copying them.
 */
@RestController
class RulesController {

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
                questionLimits(props.questions()));
    }

    /** The limits in force: the request caps, narrowed by the configuration. */
    static QuestionLimits questionLimits(KbProperties.Questions questions) {
        return new QuestionLimits(
                QuestionLimits.TITLE_MAX,
                Math.min(QuestionLimits.BODY_MAX, questions.maxBodyChars()),
                QuestionLimits.REASON_MAX,
                QuestionLimits.COMMENT_MAX,
                questions.attachmentMaxSize().toBytes(),
                questions.attachmentMaxCount());
    }

    @GetMapping("/api/rules")
    Mono<ServerRules> rules() {
        return Mono.just(rules);
    }
}
