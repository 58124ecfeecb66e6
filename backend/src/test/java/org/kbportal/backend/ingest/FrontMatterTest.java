package org.kbportal.backend.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FrontMatterTest {

    @Test
    void shouldTurnAMarkdownManualIntoARecord() throws Exception {
        String md =
                "---\nid: MAN-X\nlang: zh\ntype: manual\ncategory: software\ntitle: 手册\ntags: 安装, 部署\n---\n## 1 概述\n正文\n";
        JsonNode node = new ObjectMapper().readTree(FrontMatter.toJsonLine("x.md", md));
        assertThat(node.get("id").asText()).isEqualTo("MAN-X");
        assertThat(node.get("title").asText()).isEqualTo("手册");
        assertThat(node.get("tags").get(1).asText()).isEqualTo("部署");
        assertThat(node.get("body").asText()).isEqualTo("## 1 概述\n正文");
    }
}
