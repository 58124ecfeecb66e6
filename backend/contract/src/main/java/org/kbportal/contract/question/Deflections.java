package org.kbportal.contract.question;

/** How many deflections there are now ({@code POST /api/questions/deflections}). */
public record Deflections(long deflections) {}
