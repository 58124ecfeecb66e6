package org.kbportal.backend.sla;

/**
 * The clocks for one kind × severity of question.
 *
 * @param kind FAULT, CONSULTATION or SUGGESTION
 * @param severity A (most severe) to E
 * @param replyMinutes time to the first answer
 * @param resolveMinutes time to the resolution
 * @param workingTime count only working time (business calendar), else round the clock
 */
public record SlaPolicy(String kind, String severity, int replyMinutes, int resolveMinutes, boolean workingTime) {}
