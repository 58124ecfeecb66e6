package org.kbportal.ui.navigation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutesTest {

    @Test
    void shouldAcceptPortalPathsAsRedirects() {
        assertThat(Routes.isSafeRedirect("admin/articles")).isTrue();
        assertThat(Routes.isSafeRedirect("?q=%E5%A4%87%E4%BB%BD&page=2")).isTrue();
        assertThat(Routes.isSafeRedirect("article/MAN-1~3")).isTrue();
    }

    @Test
    void shouldRefuseRedirectsThatLeaveThePortalOrLoop() {
        assertThat(Routes.isSafeRedirect(null)).isFalse();
        assertThat(Routes.isSafeRedirect("https://evil.example/")).isFalse();
        assertThat(Routes.isSafeRedirect("//evil.example/")).isFalse();
        assertThat(Routes.isSafeRedirect("/\\evil.example")).isFalse();
        assertThat(Routes.isSafeRedirect("\\\\evil.example")).isFalse();
        assertThat(Routes.isSafeRedirect("javascript:alert(1)")).isFalse();
        assertThat(Routes.isSafeRedirect("login?redirect=login")).isFalse();
    }

    @Test
    void shouldBuildArticleAndEditorPaths() {
        assertThat(Routes.article("MAN-GOVOA-INSTALL-ZH~4")).isEqualTo("article/MAN-GOVOA-INSTALL-ZH~4");
        assertThat(Routes.article("a b/c")).isEqualTo("article/a%20b%2Fc");
        assertThat(Routes.editor(null)).isEqualTo("admin/articles/edit");
        assertThat(Routes.editor("FAQ-1")).isEqualTo("admin/articles/edit/FAQ-1");
    }
}
