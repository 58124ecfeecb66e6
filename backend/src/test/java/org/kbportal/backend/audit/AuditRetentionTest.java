package org.kbportal.backend.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.system.KbProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** 等保 2.0 asks for six months of logs: a shorter audit retention refuses to start, with a clear message. */
class AuditRetentionTest {

    @Test
    void shouldRefuseARetentionBelowSixMonths() {
        for (String days : new String[] {"0", "-1", "30", "179"}) {
            assertThatThrownBy(() -> bind(Map.of("kb.audit.retention-days", days)))
                    .isInstanceOf(BindException.class)
                    .rootCause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("KB_AUDIT_RETENTION_DAYS")
                    .hasMessageContaining("at least 180 days");
        }
    }

    @Test
    void shouldAcceptSixMonthsAndDefaultToAYear() {
        assertThat(bind(Map.of("kb.audit.retention-days", "180")).audit().retentionDays())
                .isEqualTo(180);
        assertThat(bind(Map.of("kb.data-dir", "/tmp/kb")).audit().retentionDays())
                .isEqualTo(365);
    }

    private static KbProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("kb", KbProperties.class);
    }
}
