package org.kbportal.backend.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kbportal.contract.report.ServiceReport;

class ReportPdfTest {

    @Test
    void shouldPrintWhenTheReportWasMadeInTheReportsZoneNotInUtc() {
        ServiceReport.Period period = new ServiceReport.Period(
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30),
                "Asia/Shanghai",
                null,
                null,
                Instant.parse("2026-11-30T17:05:09.123Z"));

        assertThat(ReportPdf.generated(period)).isEqualTo("2026-12-01 01:05");
    }
}
