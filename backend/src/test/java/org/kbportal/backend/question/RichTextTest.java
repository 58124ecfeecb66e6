package org.kbportal.backend.question;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RichTextTest {

    @Test
    void shouldKeepBasicMarkupAndDropScripts() {
        String clean =
                RichText.sanitise("<p onclick=\"x()\">打印机<b>脱机</b><script>alert(1)</script><img src=x onerror=y></p>"
                        + "<a href=\"javascript:alert(1)\">link</a>");
        assertThat(clean).contains("<b>脱机</b>").doesNotContain("script", "onclick", "img", "javascript");
    }

    @Test
    void shouldTurnMarkupIntoText() {
        assertThat(RichText.text("<p>第一行</p><p>a &amp; b<br>c</p>")).isEqualTo("第一行\na & b\nc");
    }
}
