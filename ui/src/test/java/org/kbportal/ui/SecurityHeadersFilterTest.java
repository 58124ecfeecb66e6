package org.kbportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SecurityHeadersFilterTest {

    @Test
    void shouldForbidFramingAndForeignScriptsOnEveryResponse() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SecurityHeadersFilter()
                .doFilter(new MockHttpServletRequest("GET", "/admin/users"), response, new MockFilterChain());
        String csp = response.getHeader("Content-Security-Policy");
        assertThat(csp)
                .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'")
                .contains("form-action 'self'", "connect-src 'self'", "img-src 'self' data: blob:")
                .doesNotContain("*", "http:", "https:");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Permissions-Policy")).contains("camera=()", "geolocation=()");
    }

    @Test
    void shouldSendHstsOnlyOverHttps() throws Exception {
        MockHttpServletRequest secure = new MockHttpServletRequest("GET", "/");
        secure.setSecure(true);
        MockHttpServletResponse overHttps = new MockHttpServletResponse();
        MockHttpServletResponse overHttp = new MockHttpServletResponse();
        new SecurityHeadersFilter().doFilter(secure, overHttps, new MockFilterChain());
        new SecurityHeadersFilter().doFilter(new MockHttpServletRequest("GET", "/"), overHttp, new MockFilterChain());

        assertThat(overHttps.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(overHttp.getHeader("Strict-Transport-Security")).isNull();
    }

    @Test
    void shouldAllowArticleImagesFromTheConfiguredHostsOnly() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SecurityHeadersFilter(new org.kbportal.ui.article.ContentImageHosts(
                        java.util.List.of("img.example.gov.cn", "bad host; script-src *")))
                .doFilter(new MockHttpServletRequest("GET", "/article/A-1"), response, new MockFilterChain());

        assertThat(response.getHeader("Content-Security-Policy"))
                .contains("img-src 'self' data: blob: https://img.example.gov.cn;")
                .doesNotContain("bad host", "script-src *");
    }
}
