package org.kbportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Single sign-on end to end in headless Chromium against a real OpenID Connect provider (Spring
 * Authorization Server on loopback, started here): the login page offers "Sign in with your
 * organisation", the provider's own login form signs in, and the portal shows the user signed in with
 * the role mapped from the {@code groups} claim; a user without the required claim value is refused
 * with the message on the portal's page; logout ends the provider's session too (RP-initiated logout).
 * The provider runs on {@code localhost}, the portal on {@code 127.0.0.1}: two hosts, two cookie jars.
 * The portal also has a directory configured that does not answer: the security admin, signed in with a
 * local account, reads why on the directory page.
 */
class OidcBrowserIT {

    private static final Duration FIRST_LOAD = Duration.ofSeconds(90);

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext provider;
    private static PortalLauncher.Contexts portal;
    private static HeadlessChromium browser;
    private static String base;
    private static volatile String uiBase;
    private static String issuer;
    private static String directoryUrl;

    @BeforeAll
    static void start() throws Exception {
        provider = new SpringApplicationBuilder(Provider.class)
                .web(WebApplicationType.SERVLET)
                .properties("server.port=0", "spring.main.banner-mode=off")
                .run();
        issuer = "http://localhost:" + provider.getEnvironment().getProperty("local.server.port");
        int closed; // the organisation's directory is configured too, but down: its admin page says so
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        directoryUrl = "ldap://127.0.0.1:" + closed;
        portal = PortalLauncher.start(
                "--server.port=0",
                "--kb.data-dir=" + dataDir,
                "--kb.seed.index-data=false",
                "--kb.search.embeddings=false",
                "--vaadin.devmode.devTools.enabled=false",
                "--spring.security.oauth2.client.registration.gov.client-id=kb-portal",
                "--spring.security.oauth2.client.registration.gov.client-secret=kb-portal-secret",
                "--spring.security.oauth2.client.registration.gov.client-name=统一身份认证",
                "--spring.security.oauth2.client.registration.gov.scope=openid,profile",
                "--spring.security.oauth2.client.provider.gov.issuer-uri=" + issuer,
                "--kb.oidc.role-values=EXPERT=kb-experts;ADMIN=kb-admins",
                "--kb.oidc.required-claim=groups",
                "--kb.oidc.required-value=kb-users",
                "--spring.ldap.urls=" + directoryUrl,
                "--spring.ldap.base=dc=example,dc=org");
        base = "http://127.0.0.1:" + portal.ui().getEnvironment().getProperty("local.server.port") + "/";
        uiBase = base;
        HeadlessChromium.awaitBackendReady(
                "http://127.0.0.1:" + portal.backend().getEnvironment().getProperty("local.server.port"));
        browser = HeadlessChromium.start("en", "en");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (portal != null) {
            portal.close();
        }
        if (provider != null) {
            SpringApplication.exit(provider);
        }
    }

    @BeforeEach
    void anonymous() {
        // both hosts: the portal's session and the provider's
        browser.driver.get(issuer + "/.well-known/openid-configuration");
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(base);
        browser.driver.manage().deleteAllCookies();
    }

    // the provider's URLs name the portal in redirect_uri: compare origins, not substrings
    private static void atPortal() {
        browser.waitFor(FIRST_LOAD).until(d -> d.getCurrentUrl().startsWith(base));
    }

    private static void atProvider() {
        browser.waitFor(FIRST_LOAD).until(d -> d.getCurrentUrl().startsWith(issuer + "/"));
    }

    /** The portal's answer after the provider sent the browser back: signed in, or why not. */
    private static String landed() {
        browser.waitFor(FIRST_LOAD)
                .until(d -> !d.findElements(By.id("current-user")).isEmpty()
                        || !d.findElements(By.id("oidc-error")).isEmpty());
        return browser.driver.findElements(By.id("oidc-error")).isEmpty()
                ? "signed in"
                : browser.driver.findElement(By.id("oidc-error")).getText() + " @ " + browser.driver.getCurrentUrl();
    }

    @Test
    void signsInAtTheProviderAndLandsBackWithTheMappedRoleThenLogsOutThere() {
        signInAtProvider("zhang", "zhang-pw-2026");
        atPortal();
        assertThat(landed()).isEqualTo("signed in");
        assertThat(browser.visible(By.id("current-user")).getText()).contains("张工");
        // EXPERT from the groups claim: the expert's workbench is open to them
        browser.driver.get(base + "workbench");
        browser.visible(By.id("current-user"));
        assertThat(browser.driver.getCurrentUrl()).contains("workbench");

        browser.click(By.id("logout-button"));
        // through the provider's end_session_endpoint back to the portal, signed out
        atPortal();
        browser.visible(By.id("login-link"));
        // the provider's session ended: signing in again asks for the password again
        browser.driver.get(base + "login");
        browser.click(By.id("login-oidc"));
        atProvider();
        browser.visible(By.id("username"));
    }

    @Test
    void refusesAUserWithoutTheRequiredClaimWithAClearMessage() {
        signInAtProvider("outsider", "outsider-pw-2026");
        atPortal();
        assertThat(browser.visible(By.id("oidc-error")).getText()).contains("not allowed to use this portal");
        assertThat(browser.driver.findElements(By.id("current-user"))).isEmpty();
    }

    @Test
    void showsTheSecurityAdminWhyTheDirectoryCannotBeUsed() {
        // local accounts are the break-glass path while the directory is down
        browser.signIn(base, "secadmin", "secadmin-demo-2026", FIRST_LOAD);
        browser.driver.get(base + "admin/directory");
        assertThat(browser.visible(By.id("directory-state")).getText())
                .isEqualTo("Directory " + directoryUrl + ": it cannot be reached.");
    }

    private void signInAtProvider(String user, String password) {
        browser.driver.get(base + "login");
        browser.waitFor(FIRST_LOAD).until(ExpectedConditions.elementToBeClickable(By.id("login-oidc")));
        assertThat(browser.visible(By.id("login-oidc")).getText()).isEqualTo("Sign in with your organisation");
        browser.click(By.id("login-oidc"));
        atProvider();
        browser.type(By.id("username"), user);
        browser.type(By.id("password"), password);
        browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** Spring Authorization Server with two users, one client and claims for the portal. */
    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    @ImportAutoConfiguration({
        TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class
    })
    static class Provider {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer as = new OAuth2AuthorizationServerConfigurer();
            http.securityMatcher(as.getEndpointsMatcher())
                    .with(as, s -> s.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain login(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("zhang")
                            .password("{noop}zhang-pw-2026")
                            .roles("USER")
                            .build(),
                    User.withUsername("outsider")
                            .password("{noop}outsider-pw-2026")
                            .roles("USER")
                            .build());
        }

        /** The portal's client; its redirect URIs are known once the portal runs. */
        @Bean
        RegisteredClientRepository clients() {
            return new RegisteredClientRepository() {
                // the provider re-encodes the {noop} secret after its first use and saves the client
                private volatile RegisteredClient saved;

                private RegisteredClient client() {
                    RegisteredClient upgraded = saved;
                    return upgraded != null
                            ? upgraded
                            : RegisteredClient.withId("kb-portal")
                                    .clientId("kb-portal")
                                    .clientSecret("{noop}kb-portal-secret")
                                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                                    .redirectUri(uiBase + "login/oidc")
                                    .postLogoutRedirectUri(uiBase)
                                    .scope(OidcScopes.OPENID)
                                    .scope(OidcScopes.PROFILE)
                                    .clientSettings(ClientSettings.builder()
                                            .requireProofKey(true)
                                            .requireAuthorizationConsent(false)
                                            .build())
                                    .build();
                }

                @Override
                public void save(RegisteredClient registeredClient) {
                    saved = registeredClient;
                }

                @Override
                public RegisteredClient findById(String id) {
                    return "kb-portal".equals(id) ? client() : null;
                }

                @Override
                public RegisteredClient findByClientId(String clientId) {
                    return "kb-portal".equals(clientId) ? client() : null;
                }
            };
        }

        /** What the organisation's directory would say about each user. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims() {
            return context -> {
                if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    return;
                }
                String user = context.getPrincipal().getName();
                if ("zhang".equals(user)) {
                    context.getClaims()
                            .claim("name", "张工")
                            .claim("preferred_username", "zhang")
                            .claim("email", "zhang@example.gov.cn")
                            .claim("organisation", "信息中心")
                            .claim("groups", List.of("kb-users", "kb-experts"));
                } else {
                    context.getClaims().claim("name", "Outsider").claim("groups", List.of("contractors"));
                }
            };
        }

        private final java.security.KeyPair pair = rsa();

        private static java.security.KeyPair rsa() {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                return g.generateKeyPair();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The user-info endpoint reads access tokens with it. */
        @Bean
        org.springframework.security.oauth2.jwt.JwtDecoder jwtDecoder() {
            return org.springframework.security.oauth2.jwt.NimbusJwtDecoder.withPublicKey(
                            (RSAPublicKey) pair.getPublic())
                    .build();
        }

        @Bean
        JWKSource<SecurityContext> keys() {
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
