package org.kbportal.backend.question;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kbportal.backend.account.KbPrincipal;
import org.kbportal.backend.article.ArticleInput;
import org.kbportal.backend.article.ArticleService;
import org.kbportal.backend.article.ArticleWorkflow;
import org.kbportal.backend.system.KbException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Turns an answered question into an article (FAQ or CASE) in the reviewers' queue (IN_REVIEW), prefilled from the
 * question and the expert's answers with e-mail addresses and phone numbers removed. The article id
 * ({@code Q-<id>-faq}) and a {@code question-<id>} tag link it back; the question records the article.
 */
@Service
public class KnowledgePublisher {

    private final QuestionAccess access;
    private final QuestionStore store;
    private final ArticleService articles;
    private final ArticleWorkflow workflow;
    private final Clock clock;

    KnowledgePublisher(
            QuestionAccess access,
            QuestionStore store,
            ArticleService articles,
            ArticleWorkflow workflow,
            Clock clock) {
        this.access = access;
        this.store = store;
        this.articles = articles;
        this.workflow = workflow;
        this.clock = clock;
    }

    public Mono<Map<String, String>> publish(KbPrincipal who, long id, String type) {
        String t = type == null ? "" : type.strip().toUpperCase(java.util.Locale.ROOT);
        if (!t.equals("FAQ") && !t.equals("CASE")) {
            return Mono.error(KbException.badRequest("invalid-type", "Publish as FAQ or CASE."));
        }
        Instant now = clock.instant();
        return access.caller(who)
                .flatMap(c -> access.visible(c, id).flatMap(q -> {
                    if (!c.admin() && !c.activeExpert()) {
                        return Mono.error(QuestionAccess.forbidden("Only experts and admins publish answers."));
                    }
                    if (q.articleId() != null) {
                        return Mono.error(KbException.conflict(
                                "already-published", "Question " + id + " is already article " + q.articleId() + "."));
                    }
                    return store.repo()
                            .messages(q.id())
                            .filter(QuestionView.Message::fromExpert)
                            .collectList()
                            .flatMap(answers -> {
                                if (answers.isEmpty()) {
                                    return Mono.error(QuestionStatus.illegal(
                                            "Question " + id + " has no answer yet; nothing to publish."));
                                }
                                String plainQuestion = RichText.text(q.body());
                                // removed addresses are marked in the article's language
                                String lang = hasCjk(q.title() + plainQuestion) ? "zh" : "en";
                                boolean zh = lang.equals("zh");
                                String question = RichText.redact(plainQuestion, zh);
                                String answer = RichText.redact(
                                        String.join(
                                                "\n\n",
                                                answers.stream()
                                                        .map(m -> RichText.text(m.body()))
                                                        .toList()),
                                        zh);
                                String title = RichText.redact(q.title(), zh);
                                String body = t.equals("FAQ")
                                        ? answer
                                        : (zh ? "现象：\n" : "Symptom:\n") + question + "\n\n"
                                                + (zh ? "解决：\n" : "Resolution:\n") + answer;
                                ArticleInput input = new ArticleInput(
                                        "Q-" + q.id() + "-" + t.toLowerCase(java.util.Locale.ROOT),
                                        t.toLowerCase(java.util.Locale.ROOT),
                                        lang,
                                        q.category(),
                                        title,
                                        t.equals("FAQ")
                                                ? (zh ? "问：" : "Q: ") + question + "\n\n" + (zh ? "答：" : "A: ") + body
                                                : body,
                                        t.equals("CASE") ? question : null,
                                        null,
                                        t.equals("CASE") ? answer : null,
                                        null,
                                        List.of("question-" + q.id()),
                                        null);
                                // the proposal goes straight into the reviewers' queue
                                return articles.create(input, c.username())
                                        .flatMap(draft -> workflow.submit(
                                                draft.id(), c.username(), "proposed from question " + q.id()))
                                        .flatMap(a -> {
                                            Question next = q.article(a.id());
                                            return store.save(q, next, false, now)
                                                    .flatMap(s -> store.event(
                                                            s, "PUBLISHED", c.id(), null, null, t + " " + a.id(), now))
                                                    .thenReturn(Map.of(
                                                            "articleId",
                                                            a.id(),
                                                            "status",
                                                            a.status().name()));
                                        });
                            });
                }));
    }

    static boolean hasCjk(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
