package org.kbportal.ui.article;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Hosts articles may show images from ({@code kb.content.image-hosts}, {@code KB_CONTENT_IMAGE_HOSTS},
 * comma-separated, e.g. {@code img.example.gov.cn,*.cdn.example.com}); empty by default: only images
 * stored in the portal. An image from anywhere else is dropped when the Markdown is rendered (it would
 * tell a third party who reads what, and leak the reader's address), and the UI's Content-Security-Policy
 * allows exactly these hosts for images.
 *
 * @param imageHosts host names; {@code *.example.com} matches its sub-domains
 */
@ConfigurationProperties("kb.content")
public record ContentImageHosts(@DefaultValue List<String> imageHosts) {

    public static final ContentImageHosts NONE = new ContentImageHosts(List.of());

    public ContentImageHosts {
        imageHosts = imageHosts == null
                ? List.of()
                : imageHosts.stream()
                        .map(h -> h.strip().toLowerCase(Locale.ROOT))
                        .filter(h -> h.matches("(\\*\\.)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?"))
                        .distinct()
                        .toList();
    }

    /** Whether an absolute https or http image address is on the list. */
    public boolean allows(URI src) {
        String host = src.getHost();
        String scheme = src.getScheme();
        if (host == null || scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        String withPort = src.getPort() < 0 ? h : h + ":" + src.getPort();
        for (String allowed : imageHosts) {
            if (allowed.startsWith("*.")) {
                if (h.endsWith(allowed.substring(1)) || withPort.endsWith(allowed.substring(1))) {
                    return true;
                }
            } else if (allowed.equals(h) || allowed.equals(withPort)) {
                return true;
            }
        }
        return false;
    }

    /** The CSP source list for {@code img-src}: each host over https. */
    public String cspSources() {
        return imageHosts.stream().map(h -> " https://" + h).reduce("", String::concat);
    }
}
