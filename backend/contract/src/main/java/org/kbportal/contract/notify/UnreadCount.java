package org.kbportal.contract.notify;

/** How many of the caller's notifications are unread ({@code GET /api/notifications/unread-count}). */
public record UnreadCount(long unread) {}
