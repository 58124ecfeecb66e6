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

    @Test
    void shouldRemoveEmailAddressesAndPhoneNumbers() {
        String text = "联系张三 zhang.san@corp.example 或 13812345678，座机 0571-87654321，"
                + "call +86 138 1234 5678 or 400-123-4567. Error code 0x80070005 stays, so does port 8080.";
        String out = RichText.redact(text);
        assertThat(out)
                .doesNotContain("zhang.san", "13812345678", "87654321", "138 1234 5678", "400-123-4567")
                .contains("[email removed]", "[phone removed]", "0x80070005", "8080");
    }

    @Test
    void shouldMarkRemovedAddressesInTheArticlesLanguage() {
        String text = "请联系 zhang.san@corp.example 或拨打 13812345678。";
        assertThat(RichText.redact(text, true))
                .isEqualTo("请联系 [邮箱已隐去] 或拨打 [电话已隐去]。")
                .doesNotContain("removed");
        assertThat(RichText.redact(text, false)).contains("[email removed]", "[phone removed]");
    }
}
