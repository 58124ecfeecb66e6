package org.kbportal.ui.client;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.kbportal.contract.report.ServiceReport;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** The service report, its exports and charts ({@code /api/reports/service}, ADMIN). Declarative. */
@HttpExchange
public interface ReportClient {

    /** The report's period and category filter; {@code category} null means all. */
    record Filter(LocalDate from, LocalDate to, String category) {}

    /** The report from {@code from} to {@code to} (ISO dates), for one category or (null) all. */
    @GetExchange(url = "/api/reports/service", accept = MediaType.APPLICATION_JSON_VALUE)
    ServiceReport report(
            @RequestParam String from, @RequestParam String to, @RequestParam(required = false) String category);

    default ServiceReport report(Filter f) {
        return report(f.from().toString(), f.to().toString(), f.category());
    }

    /** The export as {@code csv}, {@code xlsx} or {@code pdf}, for {@link BackendFiles}. */
    default BackendFiles.Request export(Filter f, String format) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", f.from());
        params.put("to", f.to());
        params.put("category", f.category());
        params.put("format", format);
        return new BackendFiles.Request("/api/reports/service", params);
    }

    /** A chart as PNG with its texts in {@code lang} ({@code zh} or {@code en}). */
    @GetExchange("/api/reports/service/charts/{name}.png")
    byte[] chart(
            @PathVariable String name,
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(required = false) String category,
            @RequestParam String lang);

    /** A chart as PNG, its texts in {@code locale}'s language (Chinese or English). */
    default byte[] chart(String name, Filter f, Locale locale) {
        return chart(
                name,
                f.from().toString(),
                f.to().toString(),
                f.category(),
                locale.getLanguage().equals("en") ? "en" : "zh");
    }
}
