package org.kbportal.ui.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.kbportal.ui.client.Article;
import org.kbportal.ui.client.ArticleInput;

/**
 * The editor's working copy of an article: a mutable bean, because Vaadin's binder writes field by
 * field. The constraints mirror the backend's, so most mistakes are caught before a round trip.
 */
public class ArticleDraft {

    /** External ids the backend accepts: URL-safe, never containing the section separator. */
    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,199}";

    private String id = "";

    @NotBlank
    private String type = Article.FAQ;

    @NotBlank
    private String lang = "zh";

    @Size(max = 64)
    private String category;

    @NotBlank
    @Size(max = 500)
    private String title = "";

    @Size(max = 1_000_000)
    private String body = "";

    @Size(max = 100_000)
    private String symptom = "";

    @Size(max = 100_000)
    private String cause = "";

    @Size(max = 100_000)
    private String resolution = "";

    @Size(max = 200)
    private String affectedSystem = "";

    @Size(max = 30)
    private List<String> tags = new ArrayList<>();

    /** A working copy of a saved article. */
    public static ArticleDraft of(Article a) {
        ArticleDraft d = new ArticleDraft();
        d.id = a.id();
        d.type = a.type();
        d.lang = a.lang();
        d.category = a.category();
        d.title = orEmpty(a.title());
        d.body = orEmpty(a.body());
        d.symptom = orEmpty(a.symptom());
        d.cause = orEmpty(a.cause());
        d.resolution = orEmpty(a.resolution());
        d.affectedSystem = orEmpty(a.affectedSystem());
        d.tags = new ArrayList<>(a.tags());
        return d;
    }

    /**
     * What to send to the backend. Case-only fields are left out of other types, so switching an
     * article's type does not keep invisible text.
     */
    public ArticleInput toInput(Integer expectedVersion) {
        boolean isCase = Article.CASE.equals(type);
        return new ArticleInput(
                blankToNull(id),
                type,
                lang,
                blankToNull(category),
                title.strip(),
                body,
                isCase ? blankToNull(symptom) : null,
                isCase ? blankToNull(cause) : null,
                isCase ? blankToNull(resolution) : null,
                isCase ? blankToNull(affectedSystem) : null,
                List.copyOf(tags),
                expectedVersion);
    }

    /** The draft as an unsaved article, for the preview. */
    public Article toPreview() {
        ArticleInput in = toInput(null);
        return new Article(
                in.id(),
                in.type(),
                in.lang(),
                in.category(),
                in.title(),
                in.body(),
                in.symptom(),
                in.cause(),
                in.resolution(),
                in.affectedSystem(),
                in.tags(),
                Article.DRAFT,
                0,
                null,
                null,
                null,
                null,
                List.of(),
                null);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getLang() {
        return lang;
    }

    public void setLang(String lang) {
        this.lang = lang;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getSymptom() {
        return symptom;
    }

    public void setSymptom(String symptom) {
        this.symptom = symptom;
    }

    public String getCause() {
        return cause;
    }

    public void setCause(String cause) {
        this.cause = cause;
    }

    public String getResolution() {
        return resolution;
    }

    public void setResolution(String resolution) {
        this.resolution = resolution;
    }

    public String getAffectedSystem() {
        return affectedSystem;
    }

    public void setAffectedSystem(String affectedSystem) {
        this.affectedSystem = affectedSystem;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
    }
}
