package org.kbportal.backend.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class FrontMatterTest {

    @Test
    void shouldTurnAMarkdownManualIntoARecord() throws Exception {
        String md =
                "---\nid: MAN-X\nlang: zh\ntype: manual\ncategory: software\ntitle: 手册\ntags: 安装, 部署\n---\n## 1 概述\n正文\n";
        JsonNode node = new ObjectMapper().readTree(FrontMatter.toJsonLine("x.md", md));
        assertThat(node.get("id").asString()).isEqualTo("MAN-X");
        assertThat(node.get("title").asString()).isEqualTo("手册");
        assertThat(node.get("tags").get(1).asString()).isEqualTo("部署");
        assertThat(node.get("body").asString()).isEqualTo("## 1 概述\n正文");
    }
}
