package org.kbportal.backend.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.article.Article;
import org.kbportal.backend.article.ArticleType;

class ImportLineTest {

    static final Map<String, String> CATEGORIES = Map.of("database", "database", "数据库管理", "database");

    @Test
    void shouldParseAFullRecord() throws Exception {
        Article a = ImportLine.parse(
                "{\"id\":\"C-1\",\"lang\":\"zh-CN\",\"type\":\"Case\",\"title\":\" 标题 \","
                        + "\"symptom\":\"s\",\"cause\":\"c\",\"resolution\":\"r\",\"system\":\"OA\",\"category\":\"数据库管理\","
                        + "\"tags\":[\"a\",\"a\",\" b \"]}",
                CATEGORIES,
                Instant.EPOCH);
        assertThat(a.type()).isEqualTo(ArticleType.CASE);
        assertThat(a.lang()).isEqualTo("zh");
        assertThat(a.title()).isEqualTo("标题");
        assertThat(a.category()).isEqualTo("database");
        assertThat(a.affectedSystem()).isEqualTo("OA");
        assertThat(a.tags()).containsExactly("a", "b");
        assertThat(a.body()).isEmpty();
    }

    @Test
    void shouldExplainWhatIsWrong() {
        assertThatThrownBy(() -> parse("{oops")).hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> parse("\"text\"")).hasMessage("not a JSON object");
        assertThatThrownBy(() -> parse("{\"lang\":\"en\",\"type\":\"faq\",\"title\":\"t\"}"))
                .hasMessage("'id' is required");
        assertThatThrownBy(() -> parse("{\"id\":\"a~1\",\"lang\":\"en\",\"type\":\"faq\",\"title\":\"t\"}"))
                .hasMessageContaining("may only contain");
        assertThatThrownBy(() -> parse("{\"id\":\"a\",\"lang\":\"en\",\"type\":\"faq\",\"title\":\" \"}"))
                .hasMessage("'title' must not be empty");
        assertThatThrownBy(() -> parse("{\"id\":\"a\",\"lang\":\"en\",\"type\":\"faq\",\"title\":\"t\",\"body\":5}"))
                .hasMessage("'body' must be a string");
        assertThatThrownBy(() ->
                        parse("{\"id\":\"a\",\"lang\":\"en\",\"type\":\"faq\",\"title\":\"t\",\"category\":\"x\"}"))
                .hasMessage("unknown category 'x'");
        assertThatThrownBy(() -> parse("{\"id\":\"a\",\"lang\":\"de\",\"type\":\"faq\",\"title\":\"t\"}"))
                .hasMessageContaining("Unknown language");
    }

    private static Article parse(String line) throws ImportLine.Invalid {
        return ImportLine.parse(line, CATEGORIES, Instant.EPOCH);
    }
}
