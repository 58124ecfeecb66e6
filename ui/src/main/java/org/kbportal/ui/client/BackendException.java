package org.kbportal.ui.client;

import java.util.Optional;

/**
 * A backend call that did not succeed: either the backend answered with a {@link Problem}, or it
 * could not be reached at all. The message is always readable; views decide how to show it.
 */
public class BackendException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the call failed. */
    public enum Kind {
        /** The backend answered with an error status (and usually problem JSON). */
        PROBLEM,
        /** No answer: connection refused, timeout, name resolution. */
        UNAVAILABLE,
        /** An answer the UI could not understand. */
        UNREADABLE
    }

    private final Kind kind;
    private final transient Problem problem;

    private BackendException(Kind kind, Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.problem = problem;
    }

    /** The backend answered with this problem. */
    public static BackendException of(Problem problem) {
        return new BackendException(Kind.PROBLEM, problem, problem.describe(), null);
    }

    /** The backend could not be reached. */
    public static BackendException unavailable(Throwable cause) {
        return new BackendException(
                Kind.UNAVAILABLE, null, "The knowledge base service cannot be reached right now.", cause);
    }

    /** The backend's answer could not be read. */
    public static BackendException unreadable(Throwable cause) {
        return new BackendException(
                Kind.UNREADABLE, null, "The knowledge base service sent an answer the portal cannot read.", cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The problem the backend sent, for {@link Kind#PROBLEM}. */
    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return problem == null ? 0 : problem.status();
    }

    /** The short problem type ({@code stale-version}), or empty. */
    public String kbType() {
        return problem == null ? "" : problem.kbType();
    }

    public boolean isNotFound() {
        return status() == 404;
    }
}
