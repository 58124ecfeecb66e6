package org.kbportal.backend.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionDiffTest {

    private static ArticleVersion version(int n, ArticleType type, String body) {
        return new ArticleVersion(
                "A",
                n,
                type,
                "zh",
                null,
                "标题",
                body,
                null,
                null,
                null,
                null,
                List.of(),
                ArticleStatus.DRAFT,
                "admin",
                Instant.EPOCH);
    }

    @Test
    void shouldGiveChangedLinesWithContextInHunks() {
        StringBuilder a = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            a.append("line ").append(i).append('\n');
        }
        String b = a.toString().replace("line 3\n", "line three\n").replace("line 18\n", "");
        VersionDiff d = VersionDiff.between(version(1, ArticleType.FAQ, a.toString()), version(2, ArticleType.FAQ, b));
        assertThat(d.added()).isEqualTo(1);
        assertThat(d.removed()).isEqualTo(2);
        assertThat(d.hunks()).hasSize(2);
        assertThat(d.hunks().get(0).lines())
                .extracting(l -> l.op() + " " + l.text())
                .containsExactly(
                        "CONTEXT ",
                        "CONTEXT line 1",
                        "CONTEXT line 2",
                        "REMOVED line 3",
                        "ADDED line three",
                        "CONTEXT line 4",
                        "CONTEXT line 5",
                        "CONTEXT line 6");
        assertThat(d.hunks().get(0).fromLine()).isEqualTo(2);
    }

    @Test
    void shouldAlignManualSectionsByHeading() {
        String a = "## 安装\n步骤\n\n## 配置\n旧值\n\n## 附录\n表格\n";
        String b = "## 安装\n步骤\n\n## 配置\n新值\n\n## 升级\n说明\n";
        VersionDiff d = VersionDiff.between(version(1, ArticleType.MANUAL, a), version(2, ArticleType.MANUAL, b));
        assertThat(d.sections())
                .extracting(c -> c.heading() + ":" + c.change())
                .containsExactly("安装:UNCHANGED", "配置:CHANGED", "附录:REMOVED", "升级:ADDED");
    }
}
