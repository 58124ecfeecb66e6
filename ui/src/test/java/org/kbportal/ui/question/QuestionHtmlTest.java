package org.kbportal.ui.question;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionHtmlTest {

    @Test
    void shouldKeepBasicFormattingAndDropEverythingActive() {
        String html = QuestionHtml.clean("<p onclick=\"x()\">重启 <strong>服务</strong></p><script>alert(1)</script>"
                + "<img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">link</a>");

        assertThat(html)
                .contains("<p>重启 <strong>服务</strong></p>")
                .doesNotContain("script", "onclick", "onerror", "<img", "javascript:");
        assertThat(QuestionHtml.clean(null)).isEmpty();
    }

    @Test
    void shouldTurnPlainTextIntoEscapedParagraphs() {
        assertThat(QuestionHtml.fromPlainText("第一行\n第二行 <b>&\n\n  第二段  "))
                .isEqualTo("<p>第一行<br>第二行 &lt;b&gt;&amp;</p><p>第二段</p>");
        assertThat(QuestionHtml.fromPlainText("a\r\n\r\nb")).isEqualTo("<p>a</p><p>b</p>");
        assertThat(QuestionHtml.fromPlainText("   ")).isEmpty();
    }
}
