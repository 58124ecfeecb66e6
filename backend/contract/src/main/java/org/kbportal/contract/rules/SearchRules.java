package org.kbportal.contract.rules;

/**
 * How deep and how long a search may go.
 *
 * @param maxResultWindow deepest reachable hit (page × size)
 * @param maxPageSize largest page
 * @param maxQueryLength longest query in characters
 */
public record SearchRules(int maxResultWindow, int maxPageSize, int maxQueryLength) {}
