package org.kbportal.ui.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kbportal.ui.client.Article;

class MarkdownRendererTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    @Test
    void shouldRenderHeadingsListsEmphasisAndTables() {
        String html = markdown.render("## 步骤\n\n1. **停止**服务\n2. 备份\n\n| 角色 | 数量 |\n|---|---:|\n| Nginx | 2 |\n");

        assertThat(html)
                .contains("<h2>步骤</h2>")
                .contains("<ol>")
                .contains("<strong>停止</strong>")
                .contains("<table>")
                .contains("<th>角色</th>")
                .contains("<td align=\"right\">2</td>");
    }

    @Test
    void shouldKeepCodeBlocksVerbatimAndEscaped() {
        String html = markdown.render("```sql\nSELECT '<b>' FROM t WHERE a < 1 && b > 2;\n```\n");

        assertThat(html)
                .contains("<pre><code>SELECT '&lt;b&gt;' FROM t WHERE a &lt; 1 &amp;&amp; b &gt; 2;\n</code></pre>");
    }

    @Test
    void shouldRemoveScriptTags() {
        String html = markdown.render(
                "前言\n\n<script>alert('xss')</script>\n\n正文 <script src=\"https://evil.example/x.js\"></script>");

        assertThat(html)
                .doesNotContainIgnoringCase("<script")
                .doesNotContain("alert(")
                .contains("正文");
    }

    @Test
    void shouldRemoveEventHandlerAttributes() {
        String html = new MarkdownRenderer(new ContentImageHosts(List.of("example.org")))
                .render(
                        "<img src=\"https://example.org/a.png\" onerror=\"alert(1)\">\n\n<p onclick=\"alert(2)\" onmouseover=alert(3)>x</p>");

        assertThat(html)
                .doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("onmouseover")
                .contains("src=\"https://example.org/a.png\"");
    }

    @Test
    void shouldDropImagesFromOutsideThePortalButKeepTheirText() {
        String html = markdown.render("![监控截图](https://tracker.example.com/p.png?reader=1)\n\n"
                + "![拓扑图](/files/topology.png)\n\n"
                + "<img src=\"//evil.example/x.gif\"> <img src=\"http://tracker.example.com/y.png\" alt=\"\">"
                + " <img src=\"https://kb.invalid/z.png\"> <img src=\"HTTPS://Tracker.Example.com/w.png\">\n\n"
                + "![相对](images/a.png)");

        assertThat(html)
                .doesNotContainIgnoringCase("tracker")
                .doesNotContain("evil.example")
                .doesNotContain("kb.invalid")
                .contains("[监控截图]")
                .contains("<img src=\"/files/topology.png\" alt=\"拓扑图\">")
                .contains("<img src=\"images/a.png\" alt=\"相对\">");
    }

    @Test
    void shouldKeepImagesFromAllowedHostsOnly() {
        MarkdownRenderer allowing =
                new MarkdownRenderer(new ContentImageHosts(List.of(" IMG.example.gov.cn", "*.cdn.example.com")));

        String html = allowing.render("![a](https://img.example.gov.cn/a.png) ![b](https://x.cdn.example.com/b.png) "
                + "![c](https://img.example.gov.cn.evil.com/c.png) ![d](https://cdn.example.com.evil/d.png) "
                + "![e](https://evilimg.example.gov.cn/e.png)");

        assertThat(html)
                .contains("src=\"https://img.example.gov.cn/a.png\"")
                .contains("src=\"https://x.cdn.example.com/b.png\"")
                .doesNotContain("evil")
                .contains("[c]", "[d]", "[e]");
    }

    @Test
    void shouldRemoveJavascriptLinksInMarkdownAndHtml() {
        String html = markdown.render("[点我](javascript:alert(1)) <a href=\"JaVaScRiPt:alert(2)\">b</a> "
                + "<a href=\"jav&#x09;ascript:alert(3)\">c</a> [d](vbscript:msgbox(4))");

        assertThat(html)
                .doesNotContainIgnoringCase("javascript")
                .doesNotContainIgnoringCase("vbscript")
                .doesNotContain("alert(");
    }

    @Test
    void shouldRemoveFramesStylesFormsAndDataUris() {
        String html = markdown.render("<iframe src=\"https://evil.example\"></iframe><style>body{display:none}</style>"
                + "<form action=\"https://evil.example\"><input name=p></form><object data=\"x.swf\"></object>"
                + "\n\n![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)");

        assertThat(html)
                .doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("<style")
                .doesNotContainIgnoringCase("<form")
                .doesNotContainIgnoringCase("<input")
                .doesNotContainIgnoringCase("<object")
                .doesNotContainIgnoringCase("data:");
    }

    @Test
    void shouldDropAuthorIdsAndStylesSoTheyCannotImitatePageElements() {
        String html = markdown.render("<h2 id=\"article-title\" style=\"position:fixed\" class=\"x\">伪造</h2>");

        assertThat(html)
                .doesNotContain("id=")
                .doesNotContain("style=")
                .doesNotContain("class=")
                .contains("伪造");
    }

    @Test
    void shouldKeepSafeLinksAndMarkThemNofollow() {
        String html = markdown.render(
                "[手册](https://kb.example.gov.cn/m) [邮件](mailto:ops@example.gov.cn) [内部](article/FAQ-DB-001)");

        assertThat(html)
                .contains("href=\"https://kb.example.gov.cn/m\"")
                .contains("href=\"mailto:ops@example.gov.cn\"")
                .contains("href=\"article/FAQ-DB-001\"")
                .contains("rel=\"nofollow noopener noreferrer\"");
    }

    @Test
    void shouldRenderNothingForBlankInput() {
        assertThat(markdown.render(null)).isEmpty();
        assertThat(markdown.render("  \n")).isEmpty();
    }

    @Test
    void shouldGiveManualSectionHeadingsTheirAnchors() {
        String manual = "前言文字。\n\n# 1 概述\n\n内容\n\n## 2 **环境**要求\n\n### 2.1 细节\n\n```\n# 不是标题\n```\n\n## 3 部署\n";
        List<Article.Section> sections = List.of(
                new Article.Section("M~1", 1, ""),
                new Article.Section("M~2", 2, "1 概述"),
                new Article.Section("M~3", 3, "2 **环境**要求"),
                new Article.Section("M~4", 4, "3 部署"));

        String html = markdown.renderManual(manual, sections);

        assertThat(html)
                .contains("<h1 id=\"section-2\">1 概述</h1>")
                .contains("<h2 id=\"section-3\">2 <strong>环境</strong>要求</h2>")
                .contains("<h3>2.1 细节</h3>")
                .contains("<h2 id=\"section-4\">3 部署</h2>")
                .contains("# 不是标题");
    }

    @Test
    void shouldNotLetManualAnchoringReintroduceUnsafeMarkup() {
        String html = markdown.renderManual(
                "## 1 <img src=x onerror=alert(1)>标题\n\n<script>alert(2)</script>",
                List.of(new Article.Section("M~1", 1, "1 <img src=x onerror=alert(1)>标题")));

        assertThat(html).contains("id=\"section-1\"").doesNotContain("onerror").doesNotContain("<script");
    }

    @Test
    void shouldAnchorLevelThreeSectionsOfUploadedDocumentsAndHideTheirMarkers() {
        String manual = "<!-- kb:section page=1 -->\n# 第一章 概述\n\n说明\n\n<!-- kb:section page=3 -->\n### 1.1 范围\n\n"
                + "范围\n\n<!-- kb:section page=5 -->\n## 第二章 安装\n\n步骤\n";
        List<Article.Section> sections = List.of(
                new Article.Section("M~1", 1, "第一章 概述", 1),
                new Article.Section("M~2", 2, "1.1 范围", 3),
                new Article.Section("M~3", 3, "第二章 安装", 5));

        String html = markdown.renderManual(manual, sections);

        assertThat(html)
                .contains("<h1 id=\"section-1\">第一章 概述</h1>")
                .contains("<h3 id=\"section-2\">1.1 范围</h3>")
                .contains("<h2 id=\"section-3\">第二章 安装</h2>")
                .doesNotContain("kb:section");
    }
}
