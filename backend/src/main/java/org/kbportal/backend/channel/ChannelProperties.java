package org.kbportal.backend.channel;

import java.time.Duration;
import java.util.List;
import org.kbportal.backend.system.LeasedDrain;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification channels ({@code kb.channel.*}, e.g. {@code KB_CHANNEL_MAX_ATTEMPTS}).
 *
 * @param publicUrl the portal address people open; messages link to {@code publicUrl/questions/{id}} and
 *     {@code publicUrl/article/{id}}
 * @param maxAttempts attempts of one delivery before it is DEAD
 * @param drainInterval how often each instance looks for due deliveries
 * @param backoffBase the wait after the first failure; it doubles with each further one
 * @param backoffMax the longest wait between attempts
 * @param lease how long an instance holds a delivery it is sending (longer than {@code timeout})
 * @param timeout connect + answer time of a receiver
 * @param allowedHosts when set, the only host names channel URLs may point to (SSRF guard)
 * @param smsPerPersonPerHour text messages one phone gets from one channel in an hour
 */
@ConfigurationProperties("kb.channel")
public record ChannelProperties(
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("2s") Duration drainInterval,
        @DefaultValue("10s") Duration backoffBase,
        @DefaultValue("1h") Duration backoffMax,
        @DefaultValue("1m") Duration lease,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue List<String> allowedHosts,
        @DefaultValue("5") int smsPerPersonPerHour) {

    /** The wait after the {@code attempts}-th failure: base, 2 × base, 4 × base, ... at most {@code backoffMax}. */
    Duration backoff(int attempts) {
        return retry().backoff(attempts);
    }

    LeasedDrain.Retry retry() {
        return new LeasedDrain.Retry(maxAttempts, backoffBase, backoffMax);
    }

    String questionLink(long questionId) {
        return base() + "/questions/" + questionId;
    }

    /** The article's page as readers open it ({@code publicUrl/article/{id}}, the id as one path segment). */
    String articleLink(String articleId) {
        return base() + "/article/"
                + org.springframework.web.util.UriUtils.encodePathSegment(
                        articleId, java.nio.charset.StandardCharsets.UTF_8);
    }

    private String base() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
}
