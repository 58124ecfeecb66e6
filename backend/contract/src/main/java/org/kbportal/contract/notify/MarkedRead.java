package org.kbportal.contract.notify;

/** How many notifications {@code POST /api/notifications/read-all} marked read. */
public record MarkedRead(long marked) {}
