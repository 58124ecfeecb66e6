package org.kbportal.backend.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ManualSectionTest {

    @Test
    void shouldSplitAtHeadingsButNotInsideCodeFences() {
        String md = "前言文字\n\n## 1 安装\n步骤一\n\n```bash\n# not a heading\n```\n\n## 2 配置 ##\n编辑文件\n";
        List<ManualSection> sections = ManualSection.split("MAN-1", md);
        assertThat(sections).extracting(ManualSection::id).containsExactly("MAN-1~1", "MAN-1~2", "MAN-1~3");
        assertThat(sections).extracting(ManualSection::heading).containsExactly("", "1 安装", "2 配置");
        assertThat(sections.get(1).body()).contains("# not a heading");
        assertThat(sections.get(2).body()).isEqualTo("编辑文件");
    }

    @Test
    void shouldKeepAManualWithoutHeadingsAsOneSection() {
        assertThat(ManualSection.split("M", "just text"))
                .singleElement()
                .satisfies(s -> assertThat(s.id()).isEqualTo("M~1"));
        assertThat(ManualSection.split("M", "")).hasSize(1);
    }

    @Test
    void shouldMapSectionIdsBackToTheManual() {
        assertThat(ManualSection.articleIdOf("MAN-1~3")).isEqualTo("MAN-1");
        assertThat(ManualSection.articleIdOf("FAQ-1")).isEqualTo("FAQ-1");
    }

    @Test
    void shouldSplitUploadedDocumentsAtTheirMarkersWithPages() {
        String md =
                "导言\n\n<!-- kb:section page=2 -->\n### 1.1 \\*范围\\*\n\n## 不是章节\n\n<!-- kb:section page=4 -->\n# 2 安装\n\n步骤\n";
        List<ManualSection> sections = ManualSection.split("M", md);
        assertThat(sections).extracting(ManualSection::heading).containsExactly("", "1.1 *范围*", "2 安装");
        assertThat(sections).extracting(ManualSection::page).containsExactly(null, 2, 4);
        assertThat(sections.get(1).body()).isEqualTo("## 不是章节");
    }
}
