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

    /** The export as {@code csv}, {@code xlsx} or {@code pdf}. */
    public byte[] export(Filter f, String format) {
        return BackendCalls.call(() -> http.get()
                .uri(b -> params(b.path("/api/reports/service"), f)
                        .queryParam("format", format)
                        .build())
                .retrieve()
                .body(byte[].class));
    }

    /** A chart as PNG. */
    public byte[] chart(String name, Filter f) {
        return BackendCalls.call(() -> http.get()
                .uri(b -> params(b.path("/api/reports/service/charts/{name}.png"), f)
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
