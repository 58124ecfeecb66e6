package org.kbportal.backend.question;

import jakarta.validation.Valid;
import java.util.Map;
import org.kbportal.backend.account.KbPrincipal;
import org.kbportal.contract.question.DeflectionInput;
import org.kbportal.contract.question.Deflections;
import org.kbportal.contract.question.EscalateInput;
import org.kbportal.contract.question.HandoverInput;
import org.kbportal.contract.question.MessageInput;
import org.kbportal.contract.question.PublishInput;
import org.kbportal.contract.question.PublishedDraft;
import org.kbportal.contract.question.QuestionCreated;
import org.kbportal.contract.question.QuestionDetail;
import org.kbportal.contract.question.QuestionInput;
import org.kbportal.contract.question.RatingInput;
import org.kbportal.contract.question.ReasonInput;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The online-questions API; every call needs a signed-in user, the service checks the rest. */
@RestController
class QuestionController {

    private final QuestionService questions;
    private final QuestionActions actions;
    private final KnowledgePublisher publisher;

    QuestionController(QuestionService questions, QuestionActions actions, KnowledgePublisher publisher) {
        this.questions = questions;
        this.actions = actions;
        this.publisher = publisher;
    }

    private static KbPrincipal who(Authentication auth) {
        return (KbPrincipal) auth.getPrincipal();
    }

    @PostMapping("/api/questions")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<QuestionCreated> ask(@Valid @RequestBody QuestionInput in, Authentication auth) {
        return questions
                .ask(
                        who(auth),
                        new QuestionService.Ask(
                                in.title(), in.body(), in.kind(), in.severity(), in.category(), in.contactPref()))
                .map(v -> new QuestionCreated(
                        v.id(), v.status(), v.assignee(), v.tier(), v.replyDueAt(), v.resolveDueAt()));
    }

    @GetMapping("/api/questions/{id}")
    Mono<QuestionDetail> get(@PathVariable long id, Authentication auth) {
        return questions.get(who(auth), id);
    }

    @GetMapping("/api/questions")
    Flux<QuestionDetail> list(@RequestParam(defaultValue = "false") boolean mine, Authentication auth) {
        return questions.list(who(auth), mine);
    }

    @GetMapping("/api/expert/queue")
    Flux<QuestionDetail> queue(Authentication auth) {
        return questions.queue(who(auth));
    }

    @PostMapping("/api/questions/{id}/messages")
    Mono<QuestionDetail> message(@PathVariable long id, @Valid @RequestBody MessageInput in, Authentication auth) {
        return questions.message(who(auth), id, in.body(), Boolean.TRUE.equals(in.waitForUser()));
    }

    @PostMapping("/api/questions/{id}/escalate")
    Mono<QuestionDetail> escalate(@PathVariable long id, @Valid @RequestBody EscalateInput in, Authentication auth) {
        return actions.escalate(who(auth), id, in.reason());
    }

    @PostMapping("/api/questions/{id}/start")
    Mono<QuestionDetail> start(@PathVariable long id, Authentication auth) {
        return actions.start(who(auth), id);
    }

    @PostMapping("/api/questions/{id}/resolve")
    Mono<QuestionDetail> resolve(@PathVariable long id, Authentication auth) {
        return actions.resolve(who(auth), id);
    }

    @PostMapping("/api/questions/{id}/reopen")
    Mono<QuestionDetail> reopen(
            @PathVariable long id, @Valid @RequestBody(required = false) ReasonInput in, Authentication auth) {
        return actions.reopen(who(auth), id, in == null ? null : in.reason());
    }

    @PostMapping("/api/questions/{id}/claim")
    Mono<QuestionDetail> claim(@PathVariable long id, Authentication auth) {
        return actions.claim(who(auth), id);
    }

    @PostMapping("/api/questions/{id}/handover")
    Mono<QuestionDetail> handover(@PathVariable long id, @Valid @RequestBody HandoverInput in, Authentication auth) {
        return actions.handover(who(auth), id, in.to(), in.note());
    }

    @PostMapping("/api/questions/{id}/rating")
    Mono<QuestionDetail> rate(@PathVariable long id, @Valid @RequestBody RatingInput in, Authentication auth) {
        return actions.rate(
                who(auth),
                id,
                new QuestionDetail.Rating(in.attitude(), in.expertise(), in.timeliness(), in.comment(), false, null));
    }

    @PostMapping("/api/questions/{id}/publish")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<PublishedDraft> publish(@PathVariable long id, @Valid @RequestBody PublishInput in, Authentication auth) {
        return publisher.publish(who(auth), id, in.type());
    }

    @PostMapping("/api/questions/deflections")
    Mono<Deflections> deflect(@Valid @RequestBody DeflectionInput in, Authentication auth) {
        return questions.deflect(who(auth), in.articleId(), in.query()).map(Deflections::new);
    }

    @GetMapping("/api/admin/questions/stats")
    Mono<Map<String, Object>> stats() {
        return questions.stats();
    }
}
