package org.kbportal.ui.client;

import java.util.List;

/** One page of audit events, newest first, with the total matching the filter. */
public record AuditPage(long total, List<AuditEvent> items) {}
