package org.kbportal.backend.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kbportal.backend.testing.BackendServer;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.http.MediaType;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.LdapContextSource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The directory over TLS and with wrong settings, against the UnboundID in-memory server on loopback with
 * a self-signed certificate made by the JDK's keytool (names {@code localhost} and {@code 127.0.0.1}): sign-in
 * over {@code ldaps://} and over StartTLS when {@code kb.ldap.ssl-bundle} trusts that certificate, and a
 * refusal with the problem {@code tls} when nothing trusts it; bad service credentials, a filter the
 * directory cannot parse, a filter that finds nobody and a port nobody listens on each give their own
 * problem; through a whole backend configured by Boot's settings ({@code spring.ssl.bundle.pem.*}), sign-in
 * over {@code ldaps://} works and bad service credentials show on the health endpoint and the admin status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LdapTlsAndProblemsIT {

    private static final String BASE = "dc=example,dc=org";
    private static final String SERVICE_DN = "cn=kb-service," + BASE;
    private static final String SERVICE_PASSWORD = "service-secret-2026";
    private static final String FILTER = "(|(uid={0})(sAMAccountName={0}))";

    @TempDir
    static Path dir;

    private InMemoryDirectoryServer ldap;
    private Path caPem;

    @BeforeAll
    void start() throws Exception {
        Path keystore = dir.resolve("ldap.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "ldap",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit");
        caPem = dir.resolve("ldap-ca.pem");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "ldap",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-file",
                caPem.toString());

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);

        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setSchema(null);
        config.addAdditionalBindCredentials(SERVICE_DN, SERVICE_PASSWORD);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPSConfig("ldaps", loopback, 0, server.getServerSocketFactory(), null),
                InMemoryListenerConfig.createLDAPConfig("starttls", loopback, 0, server.getSocketFactory()));
        ldap = new InMemoryDirectoryServer(config);
        ldap.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
        ldap.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
        ldap.add(
                "dn: uid=zhangsan,ou=people," + BASE,
                "objectClass: top",
                "objectClass: inetOrgPerson",
                "uid: zhangsan",
                "cn: 张三",
                "sn: 张",
                "userPassword: zhangsan-pw-2026");
        ldap.startListening();
    }

    @AfterAll
    void stop() {
        if (ldap != null) {
            ldap.shutDown(true);
        }
    }

    private static void keytool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private String ldaps() {
        return "ldaps://localhost:" + ldap.getListenPort("ldaps");
    }

    private String plain() {
        return "ldap://127.0.0.1:" + ldap.getListenPort("starttls");
    }

    /** The directory as the backend builds it from spring.ldap.* and kb.ldap.* (Boot's SSL bundle types). */
    private LdapDirectory directory(String url, String password, String filter, boolean startTls, boolean trust) {
        StandardEnvironment env = new StandardEnvironment();
        Map<String, Object> properties = Map.of(
                "spring.ldap.urls", url,
                "spring.ldap.base-environment[com.sun.jndi.ldap.connect.timeout]", "3000",
                "spring.ldap.base-environment[com.sun.jndi.ldap.read.timeout]", "5000");
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        LdapContextSource source = new LdapContextSource();
        source.setUrl(url);
        source.setBase(BASE);
        source.setUserDn(SERVICE_DN);
        source.setPassword(password);
        source.setBaseEnvironmentProperties(
                Map.of("com.sun.jndi.ldap.connect.timeout", "3000", "com.sun.jndi.ldap.read.timeout", "5000"));
        source.afterPropertiesSet();
        LdapSettings settings = new LdapSettings(
                filter,
                "ou=people",
                "",
                "",
                "",
                "ou",
                "displayName",
                "mail",
                "telephoneNumber",
                "pwdAccountLockedTime",
                Duration.ZERO,
                false,
                startTls,
                trust ? "ldap" : "");
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry(
                "ldap",
                SslBundle.of(new PemSslStoreBundle(
                        null, PemSslStoreDetails.forCertificate("file:" + caPem.toAbsolutePath()))));
        beans.addBean("sslBundles", bundles);
        return new LdapDirectory(
                settings, env, source, new LdapTemplate(source), beans.getBeanProvider(SslBundles.class));
    }

    @Test
    void signsInOverLdapsWhenTheBundleTrustsTheDirectorysCertificate() {
        LdapDirectory d = directory(ldaps(), SERVICE_PASSWORD, FILTER, false, true);
        assertThat(d.check()).isEmpty();
        assertThat(d.authenticate("zhangsan", "zhangsan-pw-2026"))
                .hasValueSatisfying(e -> assertThat(e.displayName()).isEqualTo("张三"));
        assertThat(d.authenticate("zhangsan", "wrong-password")).isEmpty();
    }

    @Test
    void signsInOverStartTlsWhenTheBundleTrustsTheDirectorysCertificate() {
        LdapDirectory d = directory(plain(), SERVICE_PASSWORD, FILTER, true, true);
        assertThat(d.check()).isEmpty();
        assertThat(d.authenticate("zhangsan", "zhangsan-pw-2026")).isPresent();
        assertThat(d.authenticate("zhangsan", "wrong-password")).isEmpty();
    }

    @Test
    void refusesADirectoryWhoseCertificateNobodyTrusts() {
        for (LdapDirectory d : new LdapDirectory[] {
            directory(ldaps(), SERVICE_PASSWORD, FILTER, false, false),
            directory(plain(), SERVICE_PASSWORD, FILTER, true, false)
        }) {
            assertThat(kind(d.check())).isEqualTo("tls");
            assertThatThrownBy(() -> d.authenticate("zhangsan", "zhangsan-pw-2026"))
                    .isInstanceOfSatisfying(
                            LdapDirectory.Unavailable.class,
                            e -> assertThat(e.kind()).isEqualTo("tls"));
        }
    }

    @Test
    void reportsBadServiceCredentials() {
        LdapDirectory d = directory(plain(), "not-the-password", FILTER, true, true);
        assertThat(kind(d.check())).isEqualTo("bind-credentials");
    }

    @Test
    void reportsAFilterTheDirectoryCannotParse() {
        LdapDirectory d = directory(plain(), SERVICE_PASSWORD, "(|(uid={0})(sAMAccountName={0})", true, true);
        assertThat(kind(d.check())).isEqualTo("filter");
    }

    @Test
    void reportsAFilterThatFindsNobody() {
        // Active Directory's filter against an OpenLDAP-style tree: zhangsan exists, the filter misses him
        LdapDirectory d = directory(plain(), SERVICE_PASSWORD, "(&(objectClass=user)(sAMAccountName={0}))", true, true);
        assertThat(kind(d.check())).isEqualTo("no-users");
        assertThat(d.find("zhangsan")).isEmpty();
    }

    @Test
    void reportsAnUnreachableDirectory() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LdapDirectory d = directory("ldap://127.0.0.1:" + port, SERVICE_PASSWORD, FILTER, false, false);
        assertThat(kind(d.check())).isEqualTo("unreachable");
    }

    /** The backend configured by Boot's own properties: the SSL bundle as a PEM file, the directory over ldaps. */
    private BackendServer backend(String url, String password, boolean startTls) {
        return BackendServer.start(
                BackendServer.tempDataDir("kb-ldap-tls-it"),
                Map.of(
                        "kb.seed.index-data",
                        "false",
                        "kb.search.embeddings",
                        "false",
                        "spring.ldap.urls",
                        url,
                        "spring.ldap.base",
                        BASE,
                        "spring.ldap.username",
                        SERVICE_DN,
                        "spring.ldap.password",
                        password,
                        "kb.ldap.user-base",
                        "ou=people",
                        "kb.ldap.start-tls",
                        String.valueOf(startTls),
                        "kb.ldap.ssl-bundle",
                        "ldap",
                        "spring.ssl.bundle.pem.ldap.truststore.certificate",
                        caPem.toAbsolutePath().toString()));
    }

    @Test
    void signsInThroughTheApiOverLdapsConfiguredBySettings() {
        try (BackendServer server = backend(ldaps(), SERVICE_PASSWORD, false)) {
            WebTestClient http = server.client();
            login(http, "zhangsan", "zhangsan-pw-2026", 200);
            String admin = server.login("admin", "admin-demo-2026");
            assertThat(get(http, "/actuator/health/directory", admin, 200)).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void reportsBadServiceCredentialsOnTheHealthEndpointAndTheAdminStatus() {
        try (BackendServer server = backend(plain(), "not-the-password", true)) {
            WebTestClient http = server.client();
            assertThat(login(http, "zhangsan", "zhangsan-pw-2026", 503).get("type"))
                    .isEqualTo("urn:kb:directory-unavailable");
            String admin = server.login("admin", "admin-demo-2026");
            assertThat(get(http, "/actuator/health/directory", admin, 503))
                    .contains("\"problem\":\"bind-credentials\"");
            String secadmin = server.login("secadmin", "secadmin-demo-2026");
            assertThat(get(http, "/api/admin/directory/status", secadmin, 200))
                    .contains("\"reachable\":false")
                    .contains("\"kind\":\"bind-credentials\"");
        }
    }

    private static String get(WebTestClient http, String uri, String token, int status) {
        return http.get()
                .uri(uri)
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> login(WebTestClient http, String username, String password, int status) {
        return http.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private static String kind(Optional<LdapDirectory.Unavailable> problem) {
        return problem.map(LdapDirectory.Unavailable::kind).orElse("none");
    }
}
