package org.kbportal.ui.client;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/** The service report, its exports and charts ({@code /api/reports/service}, ADMIN). */
@Component
public class ReportClient {

    /** The report's period and category filter; {@code category} null means all. */
    public record Filter(LocalDate from, LocalDate to, String category) {}

    private final RestClient http;

    public ReportClient(RestClient backendRestClient) {
        this.http = backendRestClient;
    }

    public ServiceReport report(Filter f) {
        return BackendCalls.call(() -> http.get()
                .uri(b -> params(b.path("/api/reports/service"), f).build())
                .retrieve()
                .body(ServiceReport.class));
    }

    /** The export as {@code csv}, {@code xlsx} or {@code pdf}, for {@link BackendFiles}. */
    public BackendFiles.Request export(Filter f, String format) {
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("from", f.from());
        params.put("to", f.to());
        params.put("category", f.category());
        params.put("format", format);
        return new BackendFiles.Request("/api/reports/service", params);
    }

    /** A chart as PNG, its texts in {@code locale}'s language (Chinese or English). */
    public byte[] chart(String name, Filter f, java.util.Locale locale) {
        return BackendCalls.call(() -> http.get()
                .uri(b -> params(b.path("/api/reports/service/charts/{name}.png"), f)
                        .queryParam("lang", locale.getLanguage().equals("en") ? "en" : "zh")
                        .build(name))
                .retrieve()
                .body(byte[].class));
    }

    private static UriBuilder params(UriBuilder b, Filter f) {
        b.queryParam("from", f.from()).queryParam("to", f.to());
        if (f.category() != null) {
            b.queryParam("category", f.category());
        }
        return b;
    }
}
