package org.kbportal.backend.question;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.kbportal.backend.system.KbException;

/**
 * The life of a question: NEW → ASSIGNED → IN_PROGRESS ↔ WAITING_FOR_USER → ANSWERED → RESOLVED →
 * CLOSED, with REOPENED after a resolution. Escalation is a tier change, not a status. Every change
 * goes through {@link #check}, so an illegal one is a 409 problem.
 */
public enum QuestionStatus {
    NEW,
    ASSIGNED,
    IN_PROGRESS,
    WAITING_FOR_USER,
    ANSWERED,
    RESOLVED,
    CLOSED,
    REOPENED;

    private static final Map<QuestionStatus, Set<QuestionStatus>> NEXT = Map.of(
            NEW, EnumSet.of(ASSIGNED),
            ASSIGNED, EnumSet.of(NEW, IN_PROGRESS, WAITING_FOR_USER, ANSWERED),
            IN_PROGRESS, EnumSet.of(NEW, ASSIGNED, WAITING_FOR_USER, ANSWERED),
            WAITING_FOR_USER, EnumSet.of(IN_PROGRESS, ANSWERED),
            ANSWERED, EnumSet.of(IN_PROGRESS, RESOLVED),
            RESOLVED, EnumSet.of(CLOSED, REOPENED),
            CLOSED, EnumSet.noneOf(QuestionStatus.class),
            REOPENED, EnumSet.of(NEW, ASSIGNED, IN_PROGRESS, WAITING_FOR_USER, ANSWERED));

    /** Statuses in which someone still has to act: they count towards an expert's load. */
    public static final Set<QuestionStatus> OPEN = EnumSet.of(NEW, ASSIGNED, IN_PROGRESS, WAITING_FOR_USER, REOPENED);

    public boolean canGo(QuestionStatus target) {
        return NEXT.get(this).contains(target);
    }

    /** {@code target}, or a 409 problem when this status may not change to it. */
    public QuestionStatus check(QuestionStatus target) {
        if (!canGo(target)) {
            throw illegal("A " + this + " question cannot become " + target + ".");
        }
        return target;
    }

    public boolean isFinished() {
        return this == RESOLVED || this == CLOSED;
    }

    static KbException illegal(String detail) {
        return new KbException(
                org.springframework.http.HttpStatus.CONFLICT, "illegal-transition", "Illegal status change", detail);
    }
}
