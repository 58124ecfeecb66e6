package org.kbportal.ui.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kbportal.ui.client.Article;
import org.kbportal.ui.client.ArticleInput;
import org.kbportal.ui.client.Category;
import org.kbportal.ui.client.Problem;

class ArticleFormTest {

    private final ArticleForm form = new ArticleForm(
            List.of(new Category("database", null, "数据库管理", "Database management", 20)), new MarkdownRenderer());
    private final List<ArticleDraft> saved = new ArrayList<>();

    ArticleFormTest() {
        form.addSaveListener(e -> saved.add(e.draft()));
    }

    @Test
    void shouldStartANewArticleAsAChineseFaqThatCannotBePublishedYet() {
        assertThat(form.type.getValue()).isEqualTo(Article.FAQ);
        assertThat(form.lang.getValue()).isEqualTo("zh");
        assertThat(form.publish.isEnabled()).isFalse();
        assertThat(form.archive.isEnabled()).isFalse();
        assertThat(form.id.isReadOnly()).isFalse();
    }

    @Test
    void shouldShowCaseFieldsOnlyForCases() {
        assertThat(form.symptom.isVisible()).isFalse();

        form.type.setValue(Article.CASE);

        assertThat(List.of(form.symptom, form.cause, form.resolution)).allMatch(f -> f.isVisible());
        assertThat(form.affectedSystem.isVisible()).isTrue();
    }

    @Test
    void shouldNotSaveWithoutATitle() {
        form.body.setValue("正文");

        form.save();

        assertThat(saved).isEmpty();
        assertThat(form.title.isInvalid()).isTrue();
    }

    @Test
    void shouldRejectIdsTheBackendWouldRefuse() {
        form.title.setValue("标题");
        form.id.setValue("has space~1");

        form.save();

        assertThat(saved).isEmpty();
        assertThat(form.id.isInvalid()).isTrue();
    }

    @Test
    void shouldFireSaveWithCleanTagsAndWithoutCaseFieldsForAnFaq() {
        form.title.setValue("  如何备份达梦数据库？ ");
        form.category.setValue("database");
        form.body.setValue("执行 `BACKUP DATABASE`。");
        form.tags.setValue("备份, 达梦，DM8；备份");
        form.symptom.setValue("left over from a case");

        form.save();

        assertThat(saved).hasSize(1);
        ArticleInput input = saved.get(0).toInput(null);
        assertThat(input.title()).isEqualTo("如何备份达梦数据库？");
        assertThat(input.category()).isEqualTo("database");
        assertThat(input.tags()).containsExactly("备份", "达梦", "DM8");
        assertThat(input.symptom()).isNull();
        assertThat(input.id()).isNull();
    }

    @Test
    void shouldKeepCaseFieldsForACase() {
        form.type.setValue(Article.CASE);
        form.title.setValue("备份失败");
        form.symptom.setValue("备份任务报错");
        form.resolution.setValue("清理空间");
        form.affectedSystem.setValue("GovOA");

        form.save();

        ArticleInput input = saved.get(0).toInput(5);
        assertThat(input.symptom()).isEqualTo("备份任务报错");
        assertThat(input.cause()).isNull();
        assertThat(input.affectedSystem()).isEqualTo("GovOA");
        assertThat(input.expectedVersion()).isEqualTo(5);
    }

    @Test
    void shouldOfferOnlyTheTransitionsTheStatusAllowsAndOnlyWhenSaved() {
        form.setArticle(article(Article.PUBLISHED));

        assertThat(form.id.isReadOnly()).isTrue();
        assertThat(form.publish.isEnabled()).isFalse();
        assertThat(form.archive.isEnabled()).isTrue();

        form.title.setValue("改过的标题");

        assertThat(form.hasChanges()).isTrue();
        assertThat(form.archive.isEnabled()).isFalse();
    }

    @Test
    void shouldMarkFieldsTheBackendRejected() {
        form.showServerErrors(List.of(new Problem.FieldError("title", "at most 500 characters")));

        assertThat(form.title.isInvalid()).isTrue();
        assertThat(form.title.getErrorMessage()).isEqualTo("at most 500 characters");
    }

    private static Article article(String status) {
        return new Article(
                "FAQ-T-1",
                "faq",
                "zh",
                "database",
                "旧标题",
                "正文",
                null,
                null,
                null,
                null,
                List.of("备份"),
                status,
                3,
                "admin",
                Instant.EPOCH,
                "admin",
                Instant.EPOCH,
                List.of(),
                null);
    }
}
