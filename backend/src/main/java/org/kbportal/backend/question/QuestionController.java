package org.kbportal.backend.question;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.kbportal.backend.account.KbPrincipal;
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

    record AskInput(
            @NotBlank(message = "title is required")
            @Size(max = QuestionLimits.TITLE_MAX, message = "at most 200 characters")
            String title,

            @NotBlank(message = "body is required")
            @Size(max = QuestionLimits.BODY_MAX, message = "at most 20,000 characters")
            String body,

            @NotNull(message = "kind is required")
            @Pattern(regexp = "FAULT|CONSULTATION|SUGGESTION", message = "FAULT, CONSULTATION or SUGGESTION")
            String kind,

            @NotNull(message = "severity is required") @Pattern(regexp = "[A-E]", message = "A, B, C, D or E")
            String severity,

            @NotBlank(message = "category is required") @Size(max = 64)
            String category,

            @Size(max = 200) String contactPref) {}

    record Created(
            long id,
            String status,
            String assignee,
            String tier,
            java.time.Instant replyDueAt,
            java.time.Instant resolveDueAt) {}

    @PostMapping("/api/questions")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Created> ask(@Valid @RequestBody AskInput in, Authentication auth) {
        return questions
                .ask(
                        who(auth),
                        new QuestionService.Ask(
                                in.title(), in.body(), in.kind(), in.severity(), in.category(), in.contactPref()))
                .map(v -> new Created(v.id(), v.status(), v.assignee(), v.tier(), v.replyDueAt(), v.resolveDueAt()));
    }

    @GetMapping("/api/questions/{id}")
    Mono<QuestionView> get(@PathVariable long id, Authentication auth) {
        return questions.get(who(auth), id);
    }

    @GetMapping("/api/questions")
    Flux<QuestionView> list(@RequestParam(defaultValue = "false") boolean mine, Authentication auth) {
        return questions.list(who(auth), mine);
    }

    @GetMapping("/api/expert/queue")
    Flux<QuestionView> queue(Authentication auth) {
        return questions.queue(who(auth));
    }

    record MessageInput(
            @NotBlank(message = "body is required")
            @Size(max = QuestionLimits.BODY_MAX, message = "at most 20,000 characters")
            String body,

            Boolean waitForUser) {}

    @PostMapping("/api/questions/{id}/messages")
    Mono<QuestionView> message(@PathVariable long id, @Valid @RequestBody MessageInput in, Authentication auth) {
        return questions.message(who(auth), id, in.body(), Boolean.TRUE.equals(in.waitForUser()));
    }

    record Reason(
            @Size(max = QuestionLimits.REASON_MAX, message = "at most 1,000 characters")
            String reason) {}

    record EscalateInput(
            @NotBlank(message = "reason is required")
            @Size(max = QuestionLimits.REASON_MAX, message = "at most 1,000 characters")
            String reason) {}

    @PostMapping("/api/questions/{id}/escalate")
    Mono<QuestionView> escalate(@PathVariable long id, @Valid @RequestBody EscalateInput in, Authentication auth) {
        return actions.escalate(who(auth), id, in.reason());
    }

    @PostMapping("/api/questions/{id}/start")
    Mono<QuestionView> start(@PathVariable long id, Authentication auth) {
        return actions.start(who(auth), id);
    }

    @PostMapping("/api/questions/{id}/resolve")
    Mono<QuestionView> resolve(@PathVariable long id, Authentication auth) {
        return actions.resolve(who(auth), id);
    }

    @PostMapping("/api/questions/{id}/reopen")
    Mono<QuestionView> reopen(
            @PathVariable long id, @Valid @RequestBody(required = false) Reason in, Authentication auth) {
        return actions.reopen(who(auth), id, in == null ? null : in.reason());
    }

    @PostMapping("/api/questions/{id}/claim")
    Mono<QuestionView> claim(@PathVariable long id, Authentication auth) {
        return actions.claim(who(auth), id);
    }

    record HandoverInput(
            @NotNull(message = "to (the expert's user id) is required")
            Long to,

            @Size(max = QuestionLimits.REASON_MAX) String note) {}

    @PostMapping("/api/questions/{id}/handover")
    Mono<QuestionView> handover(@PathVariable long id, @Valid @RequestBody HandoverInput in, Authentication auth) {
        return actions.handover(who(auth), id, in.to(), in.note());
    }

    record RatingInput(
            @NotNull(message = "attitude is required")
            @Min(value = 1, message = "1 to 5")
            @Max(value = 5, message = "1 to 5")
            Integer attitude,

            @NotNull(message = "expertise is required")
            @Min(value = 1, message = "1 to 5")
            @Max(value = 5, message = "1 to 5")
            Integer expertise,

            @NotNull(message = "timeliness is required")
            @Min(value = 1, message = "1 to 5")
            @Max(value = 5, message = "1 to 5")
            Integer timeliness,

            @Size(max = QuestionLimits.COMMENT_MAX, message = "at most 2,000 characters")
            String comment) {}

    @PostMapping("/api/questions/{id}/rating")
    Mono<QuestionView> rate(@PathVariable long id, @Valid @RequestBody RatingInput in, Authentication auth) {
        return actions.rate(
                who(auth),
                id,
                new QuestionView.Rating(in.attitude(), in.expertise(), in.timeliness(), in.comment(), false, null));
    }

    record PublishInput(
            @NotNull(message = "type is required") @Pattern(regexp = "FAQ|CASE", message = "FAQ or CASE")
            String type) {}

    @PostMapping("/api/questions/{id}/publish")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, String>> publish(@PathVariable long id, @Valid @RequestBody PublishInput in, Authentication auth) {
        return publisher.publish(who(auth), id, in.type());
    }

    record DeflectionInput(
            @Size(max = 220) String articleId,
            @Size(max = 500) String query) {}

    @PostMapping("/api/questions/deflections")
    Mono<Map<String, Long>> deflect(@Valid @RequestBody DeflectionInput in, Authentication auth) {
        return questions.deflect(who(auth), in.articleId(), in.query()).map(n -> Map.of("deflections", n));
    }

    @GetMapping("/api/admin/questions/stats")
    Mono<Map<String, Object>> stats() {
        return questions.stats();
    }
}
