package org.kbportal.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {

    @Test
    void shouldKeepHighlightsAndEscapedText() {
        assertThat(Snippets.sanitize("执行 <em>备份</em>：rman target &#x2F; &lt;b&gt; &amp;"))
                .isEqualTo("执行 <em>备份</em>：rman target / &lt;b&gt; &amp;");
    }

    @Test
    void shouldStripEveryOtherTagAndAllAttributes() {
        String clean = Snippets.sanitize(
                "<em onclick=\"alert(1)\" class=\"x\">数据库</em><script>alert(2)</script><img src=x onerror=alert(3)>"
                        + "<a href=\"javascript:alert(4)\">链接</a><b>粗</b>");

        assertThat(clean).isEqualTo("<em>数据库</em>链接粗");
    }

    @Test
    void shouldTurnMissingSnippetIntoEmptyText() {
        assertThat(Snippets.sanitize(null)).isEmpty();
        assertThat(Snippets.sanitize(" ")).isEmpty();
    }
}
