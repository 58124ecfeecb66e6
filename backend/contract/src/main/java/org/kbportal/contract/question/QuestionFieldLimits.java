package org.kbportal.contract.question;

/** The longest texts a question's requests may carry; the request records' {@code @Size} use them. */
public final class QuestionFieldLimits {

    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 20_000;
    public static final int REASON_MAX = 1000;
    public static final int COMMENT_MAX = 2000;

    private QuestionFieldLimits() {}
}
