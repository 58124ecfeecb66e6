package org.kbportal.backend.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadmeApiTest {

    private static List<String> parse(String row) {
        return ReadmeApi.endpoints(List.of(row)).stream()
                .map(e -> e.method() + " " + e.path())
                .toList();
    }

    @Test
    void readsEveryMethodOfAnAbsoluteEndpointWithoutItsQuery() {
        assertThat(parse("| `GET/POST /api/admin/users?page=`, `GET /api/duty/now[?category=]` | ADMIN | x |"))
                .containsExactly("GET /api/admin/users", "POST /api/admin/users", "GET /api/duty/now");
    }

    @Test
    void resolvesSiblingActionsVariablesSubPathsAndBareMethods() {
        assertThat(parse("| `POST /api/admin/articles/{id}/publish`, `.../archive` | ADMIN | x |"))
                .containsExactly("POST /api/admin/articles/{id}/publish", "POST /api/admin/articles/{id}/archive");
        assertThat(parse("| `PUT /api/admin/categories/{code}` `{\"nameZh\"}`, `POST .../{code}/move` | ADMIN | x |"))
                .containsExactly("PUT /api/admin/categories/{code}", "POST /api/admin/categories/{code}/move");
        assertThat(
                        parse(
                                "| `GET /api/admin/duty-overrides?from=`, `POST` `{\"date\"}`, `DELETE .../{id}` | ADMIN | x |"))
                .containsExactly(
                        "GET /api/admin/duty-overrides",
                        "POST /api/admin/duty-overrides",
                        "DELETE /api/admin/duty-overrides/{id}");
        assertThat(parse("| `POST /api/admin/articles/{id}/attachments`, `DELETE .../attachments/{fileId}` | A | x |"))
                .containsExactly(
                        "POST /api/admin/articles/{id}/attachments",
                        "DELETE /api/admin/articles/{id}/attachments/{fileId}");
        assertThat(parse("| `GET /api/reports/service?from=`, `.../charts/{name}.png` | ADMIN | x |"))
                .containsExactly("GET /api/reports/service", "GET /api/reports/service/charts/{name}.png");
    }

    @Test
    void normalisesVariablesWhateverTheirNames() {
        assertThat(ReadmeApi.normalise("/api/questions/{id}/attachments/{fileId}"))
                .isEqualTo(ReadmeApi.normalise("/api/questions/{questionId}/attachments/{id}"));
    }
}
