package org.kbportal.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kbportal.ui.client.LoginResult;
import org.kbportal.ui.session.AccessControl.Decision;

class AccessControlTest {

    private static final Optional<LoginResult> ANONYMOUS = Optional.empty();

    private static Optional<LoginResult> as(String... roles) {
        return Optional.of(new LoginResult("t", Set.of(roles), "u", null, Instant.MAX, false));
    }

    private static Class<?> view(String name) throws ClassNotFoundException {
        return Class.forName("org.kbportal.ui." + name);
    }

    @Test
    void shouldSendAnonymousUsersToTheLoginPageExceptFromPublicPages() throws Exception {
        assertThat(AccessControl.decide(view("search.SearchView"), "", ANONYMOUS))
                .isEqualTo(Decision.ENTER);
        assertThat(AccessControl.decide(view("question.MyQuestionsView"), "questions", ANONYMOUS))
                .isEqualTo(Decision.LOGIN);
        assertThat(AccessControl.decide(view("backup.BackupsView"), "admin/backups", ANONYMOUS))
                .isEqualTo(Decision.LOGIN);
        // error pages are no routes: anyone sees them
        assertThat(AccessControl.decide(view("layout.ForbiddenView"), "admin/backups", ANONYMOUS))
                .isEqualTo(Decision.ENTER);
    }

    @Test
    void shouldForbidSignedInUsersOutsideThePagesAudience() throws Exception {
        Class<?> workbench = view("question.WorkbenchView");
        assertThat(AccessControl.decide(view("question.MyQuestionsView"), "questions", as("USER")))
                .isEqualTo(Decision.ENTER);
        assertThat(AccessControl.decide(workbench, "workbench", as("USER"))).isEqualTo(Decision.FORBIDDEN);
        assertThat(AccessControl.decide(workbench, "workbench", as(LoginResult.EXPERT)))
                .isEqualTo(Decision.ENTER);
        assertThat(AccessControl.decide(workbench, "workbench", as(LoginResult.ADMIN)))
                .isEqualTo(Decision.ENTER);
        Class<?> backups = view("backup.BackupsView");
        assertThat(AccessControl.decide(backups, "admin/backups", as(LoginResult.EXPERT)))
                .isEqualTo(Decision.FORBIDDEN);
        assertThat(AccessControl.decide(backups, "admin/backups", as(LoginResult.ADMIN)))
                .isEqualTo(Decision.ENTER);
    }

    @Test
    void shouldKeepTheAuditorsAndSecurityAdministratorsPagesFromAdministrators() throws Exception {
        Class<?> audit = view("audit.AuditView");
        Class<?> directory = view("account.DirectoryView");
        assertThat(AccessControl.decide(audit, "admin/audit", as(LoginResult.ADMIN)))
                .isEqualTo(Decision.FORBIDDEN);
        assertThat(AccessControl.decide(audit, "admin/audit", as(LoginResult.AUDITOR)))
                .isEqualTo(Decision.ENTER);
        assertThat(AccessControl.decide(directory, "admin/directory", as(LoginResult.ADMIN)))
                .isEqualTo(Decision.FORBIDDEN);
        assertThat(AccessControl.decide(directory, "admin/directory", as(LoginResult.SECURITY_ADMIN)))
                .isEqualTo(Decision.ENTER);
    }

    @Test
    void shouldShowARouteWithoutAnAccessDeclarationToNobody() {
        assertThat(AccessControl.decide((Audience) null, "forgotten", as(LoginResult.ADMIN)))
                .isEqualTo(Decision.FORBIDDEN);
        assertThat(AccessControl.decide((Audience) null, "forgotten", ANONYMOUS))
                .isEqualTo(Decision.FORBIDDEN);
    }

    @Test
    void shouldSendAnAccountWhosePasswordMustChangeToTheChangePageFirst() {
        Optional<LoginResult> mustChange =
                Optional.of(new LoginResult("t", Set.of(LoginResult.ADMIN), "u", null, Instant.MAX, true));
        assertThat(AccessControl.decide(Audience.ADMIN, "admin/backups", mustChange))
                .isEqualTo(Decision.CHANGE_PASSWORD);
        assertThat(AccessControl.decide(Audience.EVERYONE, "", mustChange)).isEqualTo(Decision.CHANGE_PASSWORD);
        assertThat(AccessControl.decide(Audience.SIGNED_IN, "account/password", mustChange))
                .isEqualTo(Decision.ENTER);
        assertThat(AccessControl.decide(Audience.EVERYONE, "login", mustChange)).isEqualTo(Decision.ENTER);
    }
}
