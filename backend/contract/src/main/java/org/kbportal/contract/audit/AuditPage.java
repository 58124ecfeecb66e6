package org.kbportal.contract.audit;

import java.util.List;

/** One page of the audit log ({@code GET /api/admin/audit}), newest first, and how many events match in all. */
public record AuditPage(long total, List<AuditEvent> items) {}
