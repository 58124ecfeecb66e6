package org.kbportal.backend.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndexDocsTest {

    @Test
    void shellPipesSurviveInTheSearchableText() {
        String text = IndexDocs.plain("查看 Java 进程：`ps aux | grep java`\n\n```\ncat app.log | tail -n 50\n```");
        assertThat(text).contains("ps aux | grep java").contains("cat app.log | tail -n 50");
    }

    @Test
    void tableCellsBecomeWordsWithoutTheirPipes() {
        String text = IndexDocs.plain("| 命令 | 作用 |\n| --- | --- |\n| `df -h` | 看磁盘 |\n\n之后 `a | b`");
        assertThat(text).contains("命令").contains("df -h").contains("看磁盘").contains("a | b");
        assertThat(text.lines().filter(l -> l.contains("命令") || l.contains("df -h")))
                .allSatisfy(l -> assertThat(l).doesNotContain("|"));
    }
}
