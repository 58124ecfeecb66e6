package org.kbportal.backend.audit;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kbportal.contract.audit.AuditEvent;

/** RFC 4180 lines of the audit export. */
final class AuditCsv {

    static final String HEADER = "id,occurred_at,actor,action,target,status,client_ip,details\r\n";

    private AuditCsv() {}

    static String line(AuditEvent e) {
        return Stream.of(
                                String.valueOf(e.id()),
                                e.occurredAt().toString(),
                                e.actor(),
                                e.action(),
                                e.target(),
                                e.status() == null ? null : String.valueOf(e.status()),
                                e.clientIp(),
                                e.details())
                        .map(AuditCsv::field)
                        .collect(Collectors.joining(","))
                + "\r\n";
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        // a leading =, +, - or @ would run as a formula in a spreadsheet
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
