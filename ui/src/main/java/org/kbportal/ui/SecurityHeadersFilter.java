package org.kbportal.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every UI response: a Content-Security-Policy Vaadin works under (its client
 * needs inline and eval'd scripts and inline styles; push uses same-origin websockets or XHR),
 * no framing (clickjacking of the admin pages), the referrer only to the portal itself, no MIME
 * sniffing, no powerful browser features.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String CSP = csp(org.kbportal.ui.article.ContentImageHosts.NONE);

    static String csp(org.kbportal.ui.article.ContentImageHosts imageHosts) {
        return String.join(
                "; ",
                "default-src 'self'",
                "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob:" + imageHosts.cspSources(),
                "font-src 'self' data:",
                // 'self' covers same-origin ws:/wss: (push) in CSP Level 3 browsers
                "connect-src 'self'",
                "worker-src 'self' blob:",
                "manifest-src 'self'",
                "frame-ancestors 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "object-src 'none'");
    }

    static final String HSTS = "max-age=31536000; includeSubDomains";

    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private final String csp;

    SecurityHeadersFilter() {
        this(org.kbportal.ui.article.ContentImageHosts.NONE);
    }

    /** Images of articles may also come from the allowed hosts ({@code KB_CONTENT_IMAGE_HOSTS}). */
    @org.springframework.beans.factory.annotation.Autowired
    SecurityHeadersFilter(org.kbportal.ui.article.ContentImageHosts imageHosts) {
        this.csp = csp(imageHosts);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", csp);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Permissions-Policy", PERMISSIONS);
        if (request.isSecure()) {
            // only over HTTPS (RFC 6797): browsers then refuse plain HTTP to the portal for a year
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
