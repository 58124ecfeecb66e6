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
import org.kbportal.contract.question.PublishedDraft;
import org.kbportal.contract.question.QuestionDetail;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Turns an answered question into an article (FAQ or CASE) in the reviewers' queue (IN_REVIEW), prefilled from the
 * question and the expert's answers as Markdown ({@link DraftText}: paragraphs and lists kept, contact data and
 * mentions of attachments removed). Readers see no trace of the question; curators find it in the article id
 * ({@code Q-<id>-faq}) and the submission comment, and the question records the article. Asking again is a
 * {@code 409 urn:kb:already-published} naming the existing draft ({@code articleId}).
 */
@Service
public class KnowledgePublisher {

    private final QuestionAccess access;
    private final QuestionStore store;
    private final ArticleService articles;
    private final ArticleWorkflow workflow;
    private final QuestionAttachmentRepository attachments;
    private final Clock clock;

    KnowledgePublisher(
            QuestionAccess access,
            QuestionStore store,
            ArticleService articles,
            ArticleWorkflow workflow,
            QuestionAttachmentRepository attachments,
            Clock clock) {
        this.access = access;
        this.store = store;
        this.articles = articles;
        this.workflow = workflow;
        this.attachments = attachments;
        this.clock = clock;
    }

    public Mono<PublishedDraft> publish(KbPrincipal who, long id, String type) {
        String t = type == null ? "" : type.strip().toUpperCase(java.util.Locale.ROOT);
        if (!t.equals("FAQ") && !t.equals("CASE")) {
            return Mono.error(KbException.badRequest("invalid-type", "Publish as FAQ or CASE."));
        }
        Instant now = clock.instant();
        return access.caller(who)
                .flatMap(c -> access.visible(c, id).flatMap(q -> {
                    if (!QuestionPolicy.mayPublish(c)) {
                        return Mono.error(QuestionAccess.forbidden("Only experts and admins publish answers."));
                    }
                    if (q.articleId() != null) {
                        return Mono.error(new KbException(
                                HttpStatus.CONFLICT,
                                "already-published",
                                "Already drafted",
                                "Question " + id + " is already article " + q.articleId() + ".",
                                Map.of("articleId", q.articleId())));
                    }
                    return Mono.zip(
                                    store.repo()
                                            .messages(q.id())
                                            .filter(QuestionDetail.Message::fromExpert)
                                            .collectList(),
                                    attachments
                                            .list(q.id())
                                            .map(QuestionDetail.Attachment::name)
                                            .collectList())
                            .flatMap(found -> {
                                List<QuestionDetail.Message> answers = found.getT1();
                                List<String> files = found.getT2();
                                if (answers.isEmpty()) {
                                    return Mono.error(QuestionStatus.illegal(
                                            "Question " + id + " has no answer yet; nothing to publish."));
                                }
                                String title = q.title();
                                boolean zh = hasCjk(title + RichText.text(q.body() == null ? "" : q.body()));
                                String lang = zh ? "zh" : "en";
                                String question = DraftText.markdown(q.body(), zh, files);
                                String answer = String.join(
                                        "\n\n",
                                        answers.stream()
                                                .map(m -> DraftText.markdown(m.body(), zh, files))
                                                .filter(a -> !a.isBlank())
                                                .toList());
                                title = DraftText.plain(title, zh);
                                String body = t.equals("FAQ")
                                        ? (zh ? "## 问题\n\n" : "## Question\n\n") + question + "\n\n"
                                                + (zh ? "## 解答\n\n" : "## Answer\n\n") + answer
                                        : (zh ? "## 现象\n\n" : "## Symptom\n\n") + question + "\n\n"
                                                + (zh ? "## 解决\n\n" : "## Resolution\n\n") + answer;
                                ArticleInput input = new ArticleInput(
                                        "Q-" + q.id() + "-" + t.toLowerCase(java.util.Locale.ROOT),
                                        t.toLowerCase(java.util.Locale.ROOT),
                                        lang,
                                        q.category(),
                                        title,
                                        body,
                                        t.equals("CASE") ? question : null,
                                        null,
                                        t.equals("CASE") ? answer : null,
                                        null,
                                        List.of(),
                                        null);
                                // the proposal goes straight into the reviewers' queue
                                return articles.create(input, c.username())
                                        .flatMap(draft -> workflow.submit(
                                                draft.id(),
                                                c.username(),
                                                zh ? "由问题 #" + q.id() + " 整理" : "Drafted from question #" + q.id()))
                                        .flatMap(a -> {
                                            Question next = q.toBuilder()
                                                    .articleId(a.id())
                                                    .build();
                                            return store.save(q, next, false, now)
                                                    .flatMap(s -> store.event(
                                                            s, "PUBLISHED", c.id(), null, null, t + " " + a.id(), now))
                                                    .thenReturn(new PublishedDraft(
                                                            a.id(), a.status().name()));
                                        });
                            });
                }));
    }

    static boolean hasCjk(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
