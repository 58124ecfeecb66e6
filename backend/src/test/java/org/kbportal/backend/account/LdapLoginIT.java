package org.kbportal.backend.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Sign-in against a real directory: the UnboundID in-memory LDAP server on loopback, with users in
 * {@code ou=people}, groups ({@code groupOfNames}/{@code member}) in {@code ou=groups}, an OpenLDAP-style
 * locked entry ({@code pwdAccountLockedTime}) and an Active Directory-style disabled one ({@code
 * userAccountControl} 514). Covers first sign-in creating the account with roles and organisation from the
 * directory, wrong passwords, disabled entries, no local password for directory accounts, the sync (a
 * removed user loses access and their sessions, a moved one gets the new organisation) and the directory
 * being down (503 for directory users, local accounts still sign in, status and health report it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LdapLoginIT {

    private static final String BASE = "dc=example,dc=org";
    private static final String SERVICE_DN = "cn=kb-service," + BASE;
    private static final String SERVICE_PASSWORD = "service-secret-2026";

    private InMemoryDirectoryServer ldap;
    private BackendServer server;
    private WebTestClient http;
    private String admin;
    private String secadmin;
    private String auditor;

    @BeforeAll
    void start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setSchema(null); // pwdAccountLockedTime, userAccountControl, sAMAccountName without extra schema
        config.addAdditionalBindCredentials(SERVICE_DN, SERVICE_PASSWORD);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), port, null));
        ldap = new InMemoryDirectoryServer(config);
        ldap.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
        ldap.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
        ldap.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
        person("zhangsan", "张三", "信息中心", "zhangsan-pw-2026");
        person("lisi", "李四", "财政局", "lisi-pw-2026");
        person("wangwu", "王五", "信息中心", "wangwu-pw-2026");
        person("zhaoliu", "赵六", "信息中心", "zhaoliu-pw-2026");
        person("locked", "锁定用户", "信息中心", "locked-pw-2026", "pwdAccountLockedTime: 20260101000000Z");
        ldap.add(
                "dn: cn=Sun Qi,ou=people," + BASE,
                "objectClass: top",
                "objectClass: user",
                "cn: Sun Qi",
                "sAMAccountName: sunqi",
                "userAccountControl: 514",
                "userPassword: sunqi-pw-2026");
        group("kb-experts", "uid=zhangsan,ou=people," + BASE, "uid=zhaoliu,ou=people," + BASE);
        group("kb-admins", "uid=lisi,ou=people," + BASE);
        ldap.startListening();

        server = BackendServer.start(
                BackendServer.tempDataDir("kb-ldap-it"),
                Map.of(
                        "kb.seed.index-data",
                        "false",
                        "kb.search.embeddings",
                        "false",
                        "spring.ldap.urls",
                        "ldap://127.0.0.1:" + port,
                        "spring.ldap.base",
                        BASE,
                        "spring.ldap.username",
                        SERVICE_DN,
                        "spring.ldap.password",
                        SERVICE_PASSWORD,
                        "kb.ldap.role-groups",
                        "EXPERT=cn=kb-experts,ou=groups," + BASE + "; ADMIN = cn=kb-admins, ou=groups, " + BASE));
        http = server.client();
        admin = server.login("admin", "admin-demo-2026");
        secadmin = server.login("secadmin", "secadmin-demo-2026");
        auditor = server.login("auditor", "auditor-demo-2026");
    }

    private void person(String uid, String name, String ou, String password, String... extra) throws Exception {
        List<String> lines = new java.util.ArrayList<>(List.of(
                "dn: uid=" + uid + ",ou=people," + BASE,
                "objectClass: top",
                "objectClass: inetOrgPerson",
                "uid: " + uid,
                "cn: " + name,
                "sn: " + name.substring(0, 1),
                "displayName: " + name,
                "mail: " + uid + "@example.org",
                "telephoneNumber: 010-1234567",
                "ou: " + ou,
                "userPassword: " + password));
        lines.addAll(List.of(extra));
        ldap.add(lines.toArray(String[]::new));
    }

    private void group(String cn, String... members) throws Exception {
        List<String> lines = new java.util.ArrayList<>(List.of(
                "dn: cn=" + cn + ",ou=groups," + BASE, "objectClass: top", "objectClass: groupOfNames", "cn: " + cn));
        for (String m : members) {
            lines.add("member: " + m);
        }
        ldap.add(lines.toArray(String[]::new));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (ldap != null) {
            ldap.shutDown(true);
        }
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void shouldCreateTheAccountOnFirstSignInWithRolesAndOrganisationFromTheDirectory() {
        Map<String, Object> expert = login("zhangsan", "zhangsan-pw-2026", "198.51.100.1", 200);
        assertThat((List<String>) expert.get("roles")).containsExactly("EXPERT");
        assertThat(expert.get("displayName")).isEqualTo("张三");

        Map<String, Object> me = get("/api/auth/me", (String) expert.get("token"));
        assertThat(me.get("unit")).isEqualTo("信息中心");
        assertThat(me.get("organisationId")).isNotNull();
        assertThat(me.get("email")).isEqualTo("zhangsan@example.org");
        assertThat(me.get("phone")).isEqualTo("010-1234567");

        Map<String, Object> boss = login("lisi", "lisi-pw-2026", "198.51.100.1", 200);
        assertThat((List<String>) boss.get("roles")).containsExactly("ADMIN");
        // a directory admin is an admin of the portal (the system administrator's pages)
        http.get()
                .uri("/api/admin/backups")
                .header("Authorization", "Bearer " + boss.get("token"))
                .exchange()
                .expectStatus()
                .isOk();

        Map<String, Object> plain = login("wangwu", "wangwu-pw-2026", "198.51.100.1", 200);
        assertThat((List<String>) plain.get("roles")).containsExactly("USER");
        http.get()
                .uri("/api/admin/backups")
                .header("Authorization", "Bearer " + plain.get("token"))
                .exchange()
                .expectStatus()
                .isForbidden();

        List<Map<String, Object>> origins = http
                .get()
                .uri("/api/admin/directory/accounts")
                .header("Authorization", "Bearer " + secadmin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(Map.class)
                .returnResult()
                .getResponseBody()
                .stream()
                .map(m -> (Map<String, Object>) m)
                .toList();
        Map<String, Object> zhang = origins.stream()
                .filter(o -> "zhangsan".equals(o.get("username")))
                .findFirst()
                .orElseThrow();
        assertThat(zhang.get("source")).isEqualTo("LDAP");
        assertThat(zhang.get("lastSyncedAt")).isNotNull();
        assertThat(origins.stream().filter(o -> "admin".equals(o.get("username"))))
                .singleElement()
                .satisfies(o -> assertThat(o.get("source")).isEqualTo("LOCAL"));

        // a second sign-in refreshes, it does not create another account
        login("zhangsan", "zhangsan-pw-2026", "198.51.100.1", 200);
        assertThat(origins.stream().filter(o -> "zhangsan".equals(o.get("username"))))
                .hasSize(1);
    }

    @Test
    @Order(2)
    void shouldRefuseWrongPasswordsUnknownNamesAndDisabledEntries() {
        assertThat(login("zhangsan", "wrong-password", "198.51.100.2", 401).get("type"))
                .isEqualTo("urn:kb:bad-credentials");
        assertThat(login("nobody-here", "whatever-pw", "198.51.100.2", 401).get("type"))
                .isEqualTo("urn:kb:bad-credentials");
        // OpenLDAP ppolicy lock and Active Directory's "account disabled" bit, with their right passwords
        login("locked", "locked-pw-2026", "198.51.100.2", 401);
        login("sunqi", "sunqi-pw-2026", "198.51.100.2", 401);
        // a filter injection is a user name like any other
        login("*", "zhangsan-pw-2026", "198.51.100.2", 401);
        login("zhangsan)(uid=*", "zhangsan-pw-2026", "198.51.100.2", 401);
    }

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void shouldKeepNoLocalPasswordForDirectoryAccounts() {
        Map<String, Object> plain = login("wangwu", "wangwu-pw-2026", "198.51.100.3", 200);
        Map<String, Object> me = get("/api/auth/me", (String) plain.get("token"));
        EntityExchangeResult<Map> refused = http.put()
                .uri("/api/admin/users/{id}", me.get("id"))
                .header("Authorization", "Bearer " + secadmin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", "a-local-password-2026"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody(Map.class)
                .returnResult();
        assertThat(refused.getResponseBody().get("type")).isEqualTo("urn:kb:external-account");
        login("wangwu", "a-local-password-2026", "198.51.100.3", 401);
    }

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void shouldDisableRemovedUsersAndRefreshOrganisationsOnSync() throws Exception {
        Map<String, Object> leaving = login("zhaoliu", "zhaoliu-pw-2026", "198.51.100.4", 200);
        String token = (String) leaving.get("token");
        get("/api/auth/me", token);
        login("wangwu", "wangwu-pw-2026", "198.51.100.4", 200);

        ldap.delete("uid=zhaoliu,ou=people," + BASE);
        ldap.modify("uid=wangwu,ou=people," + BASE, new Modification(ModificationType.REPLACE, "ou", "财政局"));

        Map<String, Object> result = http.post()
                .uri("/api/admin/directory/sync")
                .header("Authorization", "Bearer " + secadmin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(result.get("disabled")).isEqualTo(1);
        assertThat((Integer) result.get("updated")).isGreaterThanOrEqualTo(1);
        assertThat(result.get("created")).isEqualTo(0);
        assertThat(result.get("problem")).isNull();

        // the removed user's session ends and the password no longer opens the portal
        http.get()
                .uri("/api/auth/me")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        login("zhaoliu", "zhaoliu-pw-2026", "198.51.100.4", 401);

        Map<String, Object> moved = login("wangwu", "wangwu-pw-2026", "198.51.100.4", 200);
        assertThat(get("/api/auth/me", (String) moved.get("token")).get("unit")).isEqualTo("财政局");

        Map<String, Object> status = get("/api/admin/directory/status", secadmin);
        assertThat(status.get("configured")).isEqualTo(true);
        assertThat(status.get("reachable")).isEqualTo(true);
        assertThat(((Map<String, Object>) status.get("lastSync")).get("disabled"))
                .isEqualTo(1);
        assertThat(((Map<String, Object>) status.get("accounts")).get("LDAP")).isEqualTo(4);
        // the admin's sync is in the audit log
        Map<String, Object> audit = http.get()
                .uri("/api/audit?action=directory.sync")
                .header("Authorization", "Bearer " + auditor)
                .exchange()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(String.valueOf(audit)).contains("directory.sync");
    }

    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void shouldAnswer503ForDirectoryUsersWhileTheDirectoryIsDownAndKeepLocalAccountsWorking() {
        ldap.shutDown("ldap", true);
        try {
            Map<String, Object> down = login("zhangsan", "zhangsan-pw-2026", "198.51.100.5", 503);
            assertThat(down.get("type")).isEqualTo("urn:kb:directory-unavailable");
            // the outage charged nobody: many attempts later the account is not locked
            for (int i = 0; i < 12; i++) {
                login("zhangsan", "zhangsan-pw-2026", "198.51.100.5", 503);
            }
            // the break-glass path
            login("admin", "admin-demo-2026", "198.51.100.5", 200);

            Map<String, Object> status = get("/api/admin/directory/status", secadmin);
            assertThat(status.get("reachable")).isEqualTo(false);
            assertThat(((Map<String, Object>) status.get("problem")).get("kind"))
                    .isEqualTo("unreachable");

            Map<String, Object> health = http.get()
                    .uri("/actuator/health/directory")
                    .header("Authorization", "Bearer " + admin)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(health.get("status")).isEqualTo("DOWN");
            assertThat(String.valueOf(health)).contains("unreachable");

            http.post()
                    .uri("/api/admin/directory/sync")
                    .header("Authorization", "Bearer " + secadmin)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503);
        } finally {
            try {
                ldap.startListening("ldap");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        login("zhangsan", "zhangsan-pw-2026", "198.51.100.5", 200);
        assertThat(get("/actuator/health/directory", admin).get("status")).isEqualTo("UP");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String uri, String token) {
        return http.get()
                .uri(uri)
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> login(String username, String password, String from, int status) {
        return http.post()
                .uri("/api/auth/login")
                .header("X-Forwarded-For", from)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }
}
