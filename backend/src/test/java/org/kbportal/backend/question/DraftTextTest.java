package org.kbportal.backend.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DraftTextTest {

    @Test
    void shouldKeepParagraphsAndLists() {
        String md = DraftText.markdown(
                "<p>先检查端口：</p><ol><li>登录交换机</li><li>执行 <code>show int | inc err</code></li></ol>"
                        + "<ul><li>速率 1000M</li><li>全双工</li></ul><p>第二段<br>换行</p>",
                true,
                List.of());
        assertThat(md).isEqualTo("先检查端口：\n\n1. 登录交换机\n2. 执行 `show int | inc err`\n\n- 速率 1000M\n- 全双工\n\n第二段  \n换行");
    }

    @Test
    void shouldReplaceContactDataWithPlaceholdersInTheArticlesLanguage() {
        String html = "<p>联系 noc@corp.example 或 13812345678。</p>";
        assertThat(DraftText.markdown(html, true, List.of()))
                .isEqualTo("联系 （邮箱已隐去） 或 （电话已隐去）。")
                .doesNotContain("noc@", "138");
        assertThat(DraftText.markdown("<p>Mail noc@corp.example or call 400-123-4567.</p>", false, List.of()))
                .isEqualTo("Mail [e-mail removed] or call [phone removed].");
        assertThat(DraftText.plain("打印机 13812345678 报错", true)).isEqualTo("打印机 （电话已隐去） 报错");
    }

    @Test
    void shouldRemoveEveryFormOfPhoneNumberButKeepCodesAndPorts() {
        String text = "联系张三 zhang.san@corp.example 或 13812345678，座机 0571-87654321，"
                + "call +86 138 1234 5678 or 400-123-4567. Error code 0x80070005 stays, so does port 8080.";
        assertThat(DraftText.plain(text, false))
                .doesNotContain("zhang.san", "13812345678", "87654321", "138 1234 5678", "400-123-4567")
                .contains("[e-mail removed]", "[phone removed]", "0x80070005", "8080");
    }

    @Test
    void shouldDropMentionsOfAttachmentsThatStayWithTheQuestion() {
        assertThat(DraftText.markdown("<p>安装驱动时提示 0x0000007e，截图见附件。</p>", true, List.of()))
                .isEqualTo("安装驱动时提示 0x0000007e。");
        assertThat(DraftText.markdown("<p>请按附件中的错误码重新安装打印驱动</p>", true, List.of()))
                .isEqualTo("请按错误码重新安装打印驱动");
        assertThat(DraftText.markdown("<p>问题已复现。详见附件。请重启服务（见附件 log.txt）。</p>", true, List.of()))
                .isEqualTo("问题已复现。请重启服务。");
        assertThat(DraftText.markdown(
                        "<p>Restart the service (see the attached log). The attachment shows the trace. Done.</p>",
                        false,
                        List.of()))
                .isEqualTo("Restart the service. Done.");
        assertThat(DraftText.markdown("<p>错误见 dump-0412.txt 第 3 行。重启后恢复。</p>", true, List.of("dump-0412.txt")))
                .isEqualTo("重启后恢复。");
        assertThat(DraftText.markdown(
                        "<p><a href=\"/api/questions/4/attachments/abc\">trace.log</a> 重启后恢复</p>", true, List.of()))
                .isEqualTo("重启后恢复");
    }

    @Test
    void shouldEscapeWhatMarkdownWouldReadAsFormatting() {
        assertThat(DraftText.markdown("<p>设置 max_connections * 2 和 <b>重启</b></p><p># 不是标题</p>", true, List.of()))
                .isEqualTo("设置 max\\_connections \\* 2 和 **重启**\n\n\\# 不是标题");
    }
}
