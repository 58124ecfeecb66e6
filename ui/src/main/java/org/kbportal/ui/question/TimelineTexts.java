package org.kbportal.ui.question;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kbportal.contract.question.QuestionDetail;

/**
 * A question's timeline event as a sentence in the user's language. The backend records each event
 * as a code with a detail written for the log ({@code FAULT/B network}, {@code → bob (L2, ACME):
 * reason}, {@code reply due at 2026-…Z}); this reads those details back into words, dates in the
 * portal's zone and category names. What a person wrote (a reason, a note, file names) is returned
 * apart, as {@link Line#note()}, so the page can show it as user content; a detail this UI does not
 * know yet is shown as such a note rather than lost.
 */
final class TimelineTexts {

    /** Looks up a text of the message bundles with its parameters. */
    @FunctionalInterface
    interface Words {
        String get(String key, Object... params);
    }

    /** One timeline entry: the localized sentence, who did it (may be null), and what a person wrote. */
    record Line(String when, String sentence, String actor, String note) {}

    private static final Pattern CREATED = Pattern.compile("^([A-Z_]+)/([A-E]) (\\S+)$");
    private static final Pattern TO_EXPERT =
            Pattern.compile("^→ (\\S+) \\((L\\d)(?:, (.*?))?\\)(?:: (.*))?$", Pattern.DOTALL);
    private static final Pattern TO_QUEUE =
            Pattern.compile("^→ (L\\d) queue \\(nobody available\\)(?:: (.*))?$", Pattern.DOTALL);
    private static final Pattern RATED = Pattern.compile("^(\\d)/(\\d)/(\\d)( \\(flagged\\))?$");
    private static final Pattern PUBLISHED = Pattern.compile("^(FAQ|CASE) (\\S+)$");
    private static final Pattern DUE = Pattern.compile("^(reply|resolution) due at (\\S+)$");
    private static final Pattern EXCEEDED = Pattern.compile("^(reply|resolution) time exceeded$");
    private static final Pattern QUEUED = Pattern.compile("^No (L\\d) expert on duty has capacity.*$");

    /** Sentences the backend writes itself (never a person): their keys. */
    private static final Map<String, String> SYSTEM_PHRASES = Map.of(
            "closed automatically", "timeline.q.closed-automatically",
            "reply time exceeded", "timeline.q.exceeded.reply",
            "resolution time exceeded", "timeline.q.exceeded.resolution");

    private static final String SEP = " · ";

    private final Words words;
    private final Function<Instant, String> time;
    private final Function<String, String> category;

    TimelineTexts(Words words, Function<Instant, String> time, Function<String, String> category) {
        this.words = words;
        this.time = time;
        this.category = category;
    }

    Line line(QuestionDetail.Event e) {
        StringBuilder sentence = new StringBuilder(known("question.event.", e.type()));
        if (e.toStatus() != null && !e.toStatus().isBlank()) {
            sentence.append(" → ").append(known("question.status.", e.toStatus()));
        }
        String note = null;
        String detail = e.detail() == null ? "" : e.detail().strip();
        if (!detail.isEmpty()) {
            Detail d = detail(e.type(), detail);
            if (d.text() != null) {
                sentence.append(SEP).append(d.text());
            }
            note = d.note();
        }
        return new Line(time.apply(e.at()), sentence.toString(), e.actor(), note);
    }

    /** The detail's words (null: none) and what a person wrote (null: nothing). */
    private record Detail(String text, String note) {}

    private Detail detail(String type, String detail) {
        String system = SYSTEM_PHRASES.get(detail);
        if (system != null) {
            return new Detail(words.get(system), null);
        }
        Matcher m;
        switch (type == null ? "" : type) {
            case "CREATED" -> {
                if ((m = CREATED.matcher(detail)).matches()) {
                    return new Detail(
                            words.get(
                                    "timeline.q.created",
                                    known("question.kind.", m.group(1)),
                                    known("question.severity.", m.group(2)),
                                    category.apply(m.group(3))),
                            null);
                }
            }
            case "ROUTED", "ASSIGNED", "CLAIMED", "HANDED_OVER", "HANDOVER", "ESCALATED" -> {
                if ((m = TO_EXPERT.matcher(detail)).matches()) {
                    String who = m.group(3) == null
                            ? words.get("timeline.q.to-expert", m.group(1), m.group(2))
                            : words.get("timeline.q.to-expert-of", m.group(1), m.group(2), m.group(3));
                    return reason(who, m.group(4));
                }
                if ((m = TO_QUEUE.matcher(detail)).matches()) {
                    return reason(words.get("timeline.q.to-queue", m.group(1)), m.group(2));
                }
            }
            case "QUEUED" -> {
                if ((m = QUEUED.matcher(detail)).matches()) {
                    return new Detail(words.get("timeline.q.queued", m.group(1)), null);
                }
            }
            case "MESSAGE" -> {
                if (detail.equals("user") || detail.equals("answer") || detail.equals("question")) {
                    return new Detail(words.get("timeline.q.message." + detail), null);
                }
            }
            case "RATED" -> {
                if ((m = RATED.matcher(detail)).matches()) {
                    String key = m.group(4) == null ? "timeline.q.rated" : "timeline.q.rated-low";
                    return new Detail(words.get(key, m.group(1), m.group(2), m.group(3)), null);
                }
            }
            case "PUBLISHED" -> {
                if ((m = PUBLISHED.matcher(detail)).matches()) {
                    return new Detail(words.get("timeline.q.published." + m.group(1), m.group(2)), null);
                }
            }
            case "SLA_WARNING" -> {
                if ((m = DUE.matcher(detail)).matches()) {
                    return new Detail(words.get("timeline.q.due." + m.group(1), instant(m.group(2))), null);
                }
            }
            case "SLA_BREACH" -> {
                if ((m = EXCEEDED.matcher(detail)).matches()) {
                    return new Detail(words.get("timeline.q.exceeded." + m.group(1)), null);
                }
            }
            default -> {
                // status changes, attachments and unknown events: the detail is what a person wrote
            }
        }
        return new Detail(null, detail);
    }

    /** An assignment's words, with the reason: the backend's own (a missed deadline) in words, a person's apart. */
    private Detail reason(String text, String reason) {
        if (reason == null || reason.isBlank()) {
            return new Detail(text, null);
        }
        String system = SYSTEM_PHRASES.get(reason.strip());
        return system == null ? new Detail(text, reason.strip()) : new Detail(text + SEP + words.get(system), null);
    }

    private String instant(String iso) {
        try {
            return time.apply(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** The translation of a code, or the code itself for codes newer than this UI. */
    private String known(String prefix, String code) {
        if (code == null) {
            return "";
        }
        String text = words.get(prefix + code);
        return text == null || text.startsWith("!") ? code : text;
    }
}
