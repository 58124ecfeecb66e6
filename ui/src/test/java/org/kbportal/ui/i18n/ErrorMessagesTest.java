package org.kbportal.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kbportal.ui.client.BackendException;
import org.kbportal.ui.client.Problem;

class ErrorMessagesTest {

    private final ErrorMessages messages = new ErrorMessages(new KbI18NProvider());

    @Test
    void shouldTranslateKnownProblemTypes() {
        BackendException e = problem(401, "urn:kb:bad-credentials", "Unknown user name or wrong password.");

        assertThat(messages.describe(e, KbI18NProvider.CHINESE)).isEqualTo("用户名或密码错误。");
        assertThat(messages.describe(e, KbI18NProvider.ENGLISH)).isEqualTo("Wrong user name or password.");
    }

    @Test
    void shouldTellALockedSignInFromAWrongPassword() {
        BackendException e = problem(429, "urn:kb:login-locked", "This account is locked; try again in 900 s.");

        assertThat(messages.describe(e, KbI18NProvider.CHINESE)).contains("锁定");
        assertThat(messages.describe(e, KbI18NProvider.ENGLISH)).contains("locked");
    }

    @Test
    void shouldMentionTheCurrentVersionOfAStaleSave() {
        BackendException e = BackendException.of(new Problem(
                "urn:kb:stale-version", "Edited meanwhile", 409, "changed", List.of(), Map.of("currentVersion", 7)));

        assertThat(messages.describe(e, KbI18NProvider.CHINESE)).contains("v7").contains("他人修改");
    }

    @Test
    void shouldListInvalidFieldsWithTranslatedNames() {
        BackendException e = BackendException.of(new Problem(
                "urn:kb:validation",
                "Invalid input",
                400,
                "Some fields are invalid.",
                List.of(new Problem.FieldError("title", "title is required")),
                Map.of()));

        assertThat(messages.describe(e, KbI18NProvider.CHINESE)).isEqualTo("部分内容不符合要求： 标题：title is required");
    }

    @Test
    void shouldFallBackToTheBackendDetailForUnknownTypes() {
        BackendException e = problem(400, "urn:kb:something-new", "The thing is not allowed.");

        assertThat(messages.describe(e, KbI18NProvider.CHINESE)).isEqualTo("The thing is not allowed.");
    }

    @Test
    void shouldNeverShowServerInternals() {
        BackendException e = problem(500, null, "java.lang.NullPointerException at Foo.bar(Foo.java:12)");

        assertThat(messages.describe(e, KbI18NProvider.CHINESE)).isEqualTo("知识库服务内部出错，已记录日志，请稍后重试。");
    }

    @Test
    void shouldExplainAnUnreachableBackend() {
        BackendException e = BackendException.unavailable(new ConnectException("Connection refused"));

        assertThat(messages.describe(e, KbI18NProvider.CHINESE)).isEqualTo("暂时无法连接知识库服务，请稍后重试。");
    }

    @Test
    void shouldFindBackendFailuresWrappedByTheFramework() {
        RuntimeException wrapped = new RuntimeException(new IllegalStateException(problem(404, null, null)));

        assertThat(messages.describe(wrapped, KbI18NProvider.ENGLISH))
                .isEqualTo("The requested content does not exist.");
    }

    @Test
    void shouldGiveAPoliteSentenceForEverythingElse() {
        assertThat(messages.describe(new IOException("disk on fire"), KbI18NProvider.CHINESE))
                .startsWith("发生了意外错误")
                .doesNotContain("disk");
    }

    private static BackendException problem(int status, String type, String detail) {
        return BackendException.of(new Problem(type, "Title", status, detail, List.of(), Map.of()));
    }
}
