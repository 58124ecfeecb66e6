package org.kbportal.backend.account;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.naming.directory.DirContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.ldap.AuthenticationException;
import org.springframework.ldap.CommunicationException;
import org.springframework.ldap.InvalidNameException;
import org.springframework.ldap.InvalidSearchFilterException;
import org.springframework.ldap.NameNotFoundException;
import org.springframework.ldap.NamingException;
import org.springframework.ldap.core.ContextMapper;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.DefaultTlsDirContextAuthenticationStrategy;
import org.springframework.ldap.core.support.LdapContextSource;
import org.springframework.ldap.query.LdapQuery;
import org.springframework.ldap.query.LdapQueryBuilder;
import org.springframework.ldap.query.SearchScope;
import org.springframework.ldap.support.LdapUtils;
import org.springframework.stereotype.Component;

/**
 * The directory (OpenLDAP, Active Directory) through Spring LDAP, configured by Spring Boot's {@code
 * spring.ldap.*} and {@link LdapSettings}. A user is found with the service account ({@code
 * spring.ldap.username}), then the typed password is checked by binding as the user's DN; groups come
 * from a group search and from {@code memberOf}. Every call blocks (JNDI): callers run it on {@code
 * boundedElastic}. Problems of the directory itself (unreachable, bad service credentials, a wrong filter
 * or base) are {@link Unavailable}, never a wrong password.
 */
@Component
class LdapDirectory {

    private static final Logger log = LoggerFactory.getLogger(LdapDirectory.class);

    /** A directory user as the portal sees it. */
    record Entry(
            String dn,
            String username,
            String displayName,
            String email,
            String phone,
            String organisation,
            Set<Role> roles,
            boolean disabled) {}

    /** The directory cannot be used; {@code kind} is unreachable, tls, bind-credentials, filter, no-users, base or error. */
    static final class Unavailable extends RuntimeException {
        private final String kind;

        Unavailable(String kind, String message, Throwable cause) {
            super(message, cause);
            this.kind = kind;
        }

        String kind() {
            return kind;
        }
    }

    private final LdapSettings settings;
    private final Map<String, Role> roleMap;
    private final boolean configured;
    private final LdapContextSource source;
    private final LdapTemplate template;
    private final String urls;

    LdapDirectory(
            LdapSettings settings,
            Environment env,
            LdapContextSource source,
            LdapTemplate template,
            ObjectProvider<SslBundles> bundles) {
        this.settings = settings;
        this.roleMap = settings.roleMap();
        this.urls = env.getProperty("spring.ldap.urls", "").strip();
        this.configured = !urls.isEmpty();
        this.source = source;
        this.template = template;
        if (!configured) {
            return;
        }
        SSLSocketFactory trusted = settings.sslBundle().isBlank()
                ? null
                : bundles.getObject()
                        .getBundle(settings.sslBundle())
                        .createSslContext()
                        .getSocketFactory();
        if (settings.startTls()) {
            DefaultTlsDirContextAuthenticationStrategy tls = new DefaultTlsDirContextAuthenticationStrategy();
            if (trusted != null) {
                tls.setSslSocketFactory(trusted);
            }
            source.setAuthenticationStrategy(tls);
        }
        if (trusted != null && urls.toLowerCase(java.util.Locale.ROOT).contains("ldaps://")) {
            LdapSocketFactory.use(trusted);
            Map<String, Object> environment = new java.util.HashMap<>(Binder.get(env)
                    .bind("spring.ldap.base-environment", Bindable.mapOf(String.class, Object.class))
                    .orElse(Map.of()));
            environment.put("java.naming.ldap.factory.socket", LdapSocketFactory.class.getName());
            source.setBaseEnvironmentProperties(environment);
            source.afterPropertiesSet(); // the environment is cached when the source is set up
        }
    }

    boolean configured() {
        return configured;
    }

    /** The configured URLs, for the admin page (no credentials in them). */
    String urls() {
        return urls;
    }

    /**
     * The entry of {@code username} when {@code password} is its password, else empty (unknown name,
     * wrong password); a disabled entry is returned with {@code disabled} set, and its password is not
     * checked.
     */
    Optional<Entry> authenticate(String username, String password) {
        if (password == null || password.isEmpty()) {
            return Optional.empty(); // an empty password would be an anonymous bind
        }
        Optional<Entry> entry = find(username);
        if (entry.isEmpty() || entry.get().disabled()) {
            return entry;
        }
        DirContext ctx = null;
        try {
            ctx = source.getContext(entry.get().dn(), password);
            return entry;
        } catch (AuthenticationException e) {
            return Optional.empty();
        } catch (NamingException e) {
            throw unavailable(e);
        } finally {
            LdapUtils.closeContext(ctx);
        }
    }

    /** The entry of a user name (exactly one match), or empty. */
    Optional<Entry> find(String username) {
        List<Entry> found = guard(() -> template.search(
                base(settings.userBase()).countLimit(2).filter(settings.userFilter(), username), entries()));
        if (found.size() > 1) {
            log.warn("Directory: the user filter finds {} entries for one user name; refusing it", found.size());
            return Optional.empty();
        }
        return found.stream().findFirst();
    }

    /** Every user the filter finds (its {@code {0}} as {@code *}), for a sync that creates accounts. */
    List<Entry> all() {
        String filter = settings.userFilter().replace("{0}", "*");
        return guard(() -> template.search(base(settings.userBase()).filter(filter), entries()));
    }

    /**
     * Connects with the service account and runs the user filter for any name ({@code {0}} as {@code *}):
     * empty when it finds a user; a filter that finds nobody is a problem too ({@code no-users}), since
     * then nobody can sign in.
     */
    Optional<Unavailable> check() {
        String filter = settings.userFilter().replace("{0}", "*");
        try {
            List<String> found = guard(() -> template.search(
                    LdapQueryBuilder.query()
                            .base(settings.userBase())
                            .searchScope(SearchScope.SUBTREE)
                            .countLimit(1)
                            .attributes("1.1")
                            .filter(filter),
                    (ContextMapper<String>) c -> ((DirContextOperations) c).getNameInNamespace()));
            if (found.isEmpty()) {
                log.warn("Directory: the user filter {} finds no user under '{}'", filter, settings.userBase());
                return Optional.of(new Unavailable(
                        "no-users", "The user filter finds no user (kb.ldap.user-filter, kb.ldap.user-base).", null));
            }
            return Optional.empty();
        } catch (Unavailable e) {
            return Optional.of(e);
        }
    }

    private static LdapQueryBuilder base(String relative) {
        return LdapQueryBuilder.query()
                .base(relative == null ? "" : relative)
                .searchScope(SearchScope.SUBTREE)
                .attributes("*", "+");
    }

    private ContextMapper<Entry> entries() {
        return ctx -> entry((DirContextOperations) ctx);
    }

    private Entry entry(DirContextOperations ctx) {
        String dn = ctx.getNameInNamespace();
        String username = first(ctx, "uid");
        if (username == null) {
            username = first(ctx, "sAMAccountName");
        }
        if (username == null) {
            username = first(ctx, "cn");
        }
        String name = first(ctx, settings.nameAttribute());
        if (name == null) {
            name = first(ctx, "cn");
        }
        String org = settings.orgAttribute().isBlank() ? null : first(ctx, settings.orgAttribute());
        return new Entry(
                dn,
                username,
                name == null ? username : name,
                first(ctx, settings.emailAttribute()),
                first(ctx, settings.phoneAttribute()),
                org,
                roles(dn, ctx),
                disabled(ctx));
    }

    private boolean disabled(DirContextOperations ctx) {
        String uac = first(ctx, "userAccountControl");
        if (uac != null) {
            try {
                if ((Long.parseLong(uac.strip()) & 2) != 0) {
                    return true;
                }
            } catch (NumberFormatException e) {
                log.warn("Directory: userAccountControl '{}' is not a number", uac);
            }
        }
        String attr = settings.disabledAttribute();
        return attr != null && !attr.isBlank() && first(ctx, attr) != null;
    }

    private Set<Role> roles(String dn, DirContextOperations ctx) {
        Set<String> groups = new LinkedHashSet<>();
        String[] memberOf = ctx.getStringAttributes("memberOf");
        if (memberOf != null) {
            for (String g : memberOf) {
                groups.add(LdapSettings.normaliseDn(g));
            }
        }
        if (!settings.groupFilter().isBlank()) {
            LdapQuery q = LdapQueryBuilder.query()
                    .base(settings.groupBase())
                    .searchScope(SearchScope.SUBTREE)
                    .attributes("cn")
                    .filter(settings.groupFilter(), dn);
            List<String> found =
                    template.search(q, (ContextMapper<String>) c -> ((DirContextOperations) c).getNameInNamespace());
            found.forEach(g -> groups.add(LdapSettings.normaliseDn(g)));
        }
        return Role.ofGroups(roleMap, groups);
    }

    private static String first(DirContextOperations ctx, String attribute) {
        if (attribute == null || attribute.isBlank()) {
            return null;
        }
        Object v = ctx.getObjectAttribute(attribute);
        if (v == null) {
            return null;
        }
        String s = v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : v.toString();
        return s.isBlank() ? null : s.strip();
    }

    private interface Call<T> {
        T run();
    }

    private <T> T guard(Call<T> call) {
        try {
            return call.run();
        } catch (NamingException e) {
            throw unavailable(e);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Unavailable unavailable(NamingException e) {
        String kind;
        String message;
        if (causedBy(e, SSLException.class)) {
            kind = "tls";
            message = "The directory's certificate is not trusted or TLS failed (kb.ldap.ssl-bundle,"
                    + " kb.ldap.start-tls).";
        } else if (e instanceof CommunicationException) {
            kind = "unreachable";
            message = "The directory cannot be reached.";
        } else if (e instanceof AuthenticationException) {
            kind = "bind-credentials";
            message = "The directory refused the service account (spring.ldap.username / password).";
        } else if (e instanceof InvalidSearchFilterException) {
            kind = "filter";
            message = "The directory rejected a search filter (kb.ldap.user-filter / group-filter).";
        } else if (e instanceof NameNotFoundException || e instanceof InvalidNameException) {
            kind = "base";
            message = "The search base does not exist (spring.ldap.base, kb.ldap.user-base / group-base).";
        } else {
            kind = "error";
            message = "The directory answered with an error: " + e.getClass().getSimpleName() + ".";
        }
        log.warn("Directory unavailable ({}): {}", kind, e.getMessage());
        return new Unavailable(kind, message, e);
    }
}
