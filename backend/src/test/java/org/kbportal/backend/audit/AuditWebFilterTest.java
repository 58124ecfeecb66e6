package org.kbportal.backend.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class AuditWebFilterTest {

    @Test
    void shouldNameActionsAfterTheRoute() {
        assertThat(AuditWebFilter.action(HttpMethod.POST, "/api/admin/articles/{id}/publish"))
                .isEqualTo("articles.publish");
        assertThat(AuditWebFilter.action(HttpMethod.PUT, "/api/admin/articles/{id}"))
                .isEqualTo("articles.update");
        assertThat(AuditWebFilter.action(HttpMethod.POST, "/api/admin/articles"))
                .isEqualTo("articles.create");
        assertThat(AuditWebFilter.action(HttpMethod.PUT, "/api/admin/sla-policies/{kind}/{severity}"))
                .isEqualTo("sla-policies.update");
        assertThat(AuditWebFilter.action(HttpMethod.DELETE, "/api/admin/calendar/days/{date}"))
                .isEqualTo("calendar.days.delete");
        assertThat(AuditWebFilter.action(HttpMethod.PUT, "/api/admin/calendar/hours"))
                .isEqualTo("calendar.hours.update");
        assertThat(AuditWebFilter.action(HttpMethod.POST, "/api/admin/index/rebuild"))
                .isEqualTo("index.rebuild");
        assertThat(AuditWebFilter.action(HttpMethod.GET, "/api/admin/backups/{id}/file"))
                .isEqualTo("backups.file");
        assertThat(AuditWebFilter.action(HttpMethod.GET, "/api/admin/export")).isEqualTo("export.download");
        assertThat(AuditWebFilter.action(HttpMethod.GET, "/api/admin/users/{id}/personal-data"))
                .isEqualTo("users.personal-data.export");
        assertThat(AuditWebFilter.action(HttpMethod.DELETE, "/api/admin/users/{id}/personal-data"))
                .isEqualTo("users.personal-data.erase");
        assertThat(AuditWebFilter.audited(HttpMethod.GET, "/api/admin/users/7/personal-data"))
                .isTrue();
    }

    @Test
    void shouldTakeTheTargetInPathOrder() {
        assertThat(AuditWebFilter.target(
                        "/api/admin/sla-policies/{kind}/{severity}", Map.of("severity", "A", "kind", "FAULT")))
                .isEqualTo("FAULT/A");
        assertThat(AuditWebFilter.target("/api/admin/articles", Map.of())).isNull();
    }

    @Test
    void shouldAuditChangesAndBulkReadsOnly() {
        assertThat(AuditWebFilter.audited(HttpMethod.DELETE, "/api/admin/synonyms/3"))
                .isTrue();
        assertThat(AuditWebFilter.audited(HttpMethod.GET, "/api/admin/export")).isTrue();
        assertThat(AuditWebFilter.audited(HttpMethod.GET, "/api/admin/backups/abc/file"))
                .isTrue();
        assertThat(AuditWebFilter.audited(HttpMethod.GET, "/api/admin/backups/abc"))
                .isFalse();
        assertThat(AuditWebFilter.audited(HttpMethod.GET, "/api/admin/users")).isFalse();
        assertThat(AuditWebFilter.audited(HttpMethod.GET, "/api/articles/a1/attachments/f1"))
                .isTrue();
        assertThat(AuditWebFilter.audited(HttpMethod.GET, "/api/articles/a1/file"))
                .isTrue();
        assertThat(AuditWebFilter.audited(HttpMethod.GET, "/api/questions/7/attachments/f1"))
                .isTrue();
        assertThat(AuditWebFilter.audited(HttpMethod.GET, "/api/articles/a1")).isFalse();
        // changes outside /api/admin/ are the features' own business
        assertThat(AuditWebFilter.audited(HttpMethod.POST, "/api/questions")).isFalse();
        assertThat(AuditWebFilter.action(HttpMethod.GET, "/api/articles/{id}/attachments/{fileId}"))
                .isEqualTo("articles.attachments.download");
        assertThat(AuditWebFilter.action(HttpMethod.GET, "/api/reports/service"))
                .isEqualTo("reports.service.download");
    }

    @Test
    void shouldBelieveForwardedAddressesOnlyFromTrustedProxies() {
        List<String> trusted = List.of("127.0.0.1", "10.0.0.2");
        var viaUi = MockServerHttpRequest.get("/api/auth/login")
                .remoteAddress(new InetSocketAddress("127.0.0.1", 5000))
                .header("X-Forwarded-For", "198.51.100.1, 203.0.113.9, 10.0.0.2")
                .build();
        // the right-most address that is not one of our proxies; what a client wrote before it is not believed
        assertThat(ClientAddress.of(viaUi, trusted)).isEqualTo("203.0.113.9");
        var direct = MockServerHttpRequest.get("/api/auth/login")
                .remoteAddress(new InetSocketAddress("192.0.2.4", 5000))
                .header("X-Forwarded-For", "1.2.3.4")
                .build();
        assertThat(ClientAddress.of(direct, trusted)).isEqualTo("192.0.2.4");
    }

    @Test
    void shouldQuoteCsvFieldsAndDefuseFormulas() {
        assertThat(AuditCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCsv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditCsv.field(null)).isEmpty();
    }
}
