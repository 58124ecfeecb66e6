package org.kbportal.backend.question;

import java.util.Optional;
import org.kbportal.backend.account.AccountService;
import org.kbportal.backend.account.KbPrincipal;
import org.kbportal.backend.duty.DutyService;
import org.kbportal.backend.system.KbException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may see a question: admins everything; users their own and their organisation's (compared by
 * organisation id); active experts ({@link Caller#activeExpert()}) those assigned to them, the
 * unassigned ones in their skills and those they worked on. What a caller may not see is "not found",
 * so its existence does not leak.
 */
@Component
class QuestionAccess {

    private final QuestionRepository repo;
    private final AccountService accounts;
    private final DutyService duty;

    QuestionAccess(QuestionRepository repo, AccountService accounts, DutyService duty) {
        this.repo = repo;
        this.accounts = accounts;
        this.duty = duty;
    }

    Mono<Caller> caller(KbPrincipal p) {
        return Mono.zip(
                        accounts.byId(p.userId()),
                        duty.findExpert(p.userId()).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .map(t -> new Caller(
                        p.userId(),
                        p.username(),
                        t.getT1().roles(),
                        t.getT1().enabled(),
                        t.getT1().organisationId(),
                        t.getT1().unit(),
                        t.getT2().orElse(null)));
    }

    Mono<Question> visible(Caller c, long id) {
        return repo.find(id)
                .switchIfEmpty(Mono.error(() ->
                        KbException.notFound("question-not-found", "No question " + id + " (or not yours to see).")))
                .filterWhen(q -> canSee(c, q))
                // the same answer as a missing question, audited as a hidden one
                .switchIfEmpty(Mono.error(() ->
                        KbException.hidden("question-not-found", "No question " + id + " (or not yours to see).")));
    }

    private Mono<Boolean> canSee(Caller c, Question q) {
        if (c.admin() || q.askerId() == c.id() || sameOrg(c, q) || isAssignee(c, q)) {
            return Mono.just(true);
        }
        if (c.activeExpert()) {
            if (q.assigneeId() == null && c.expert().hasSkill(q.category())) {
                return Mono.just(true);
            }
            return repo.involved(q.id(), c.id());
        }
        return Mono.just(false);
    }

    static boolean sameOrg(Caller c, Question q) {
        return c.orgId() != null && c.orgId().equals(q.askerOrgId());
    }

    /** The assignee while they still act as an expert (a demoted or disabled one loses the question). */
    static boolean isAssignee(Caller c, Question q) {
        return q.assigneeId() != null && q.assigneeId() == c.id() && c.activeExpert();
    }

    static KbException forbidden(String detail) {
        return new KbException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }
}
