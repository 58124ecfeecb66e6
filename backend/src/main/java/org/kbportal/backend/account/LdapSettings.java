package org.kbportal.backend.account;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Directory sign-in ({@code kb.ldap.*}); the connection itself is Spring Boot's {@code spring.ldap.*}
 * ({@code SPRING_LDAP_URLS}, {@code _BASE}, {@code _USERNAME}, {@code _PASSWORD}). Directory sign-in is on
 * when {@code spring.ldap.urls} is set.
 *
 * @param userFilter the search for a user name; {@code {0}} is the typed name (escaped)
 * @param userBase where users are searched, relative to {@code spring.ldap.base} (empty: the base)
 * @param groupBase where groups are searched, relative to the base (empty: the base)
 * @param groupFilter the search for a user's groups; {@code {0}} is the user's DN
 * @param roleGroups {@code ROLE=group DN;ROLE=group DN}; a user in none of them gets USER
 * @param orgAttribute the attribute naming the user's organisation (empty: none)
 * @param nameAttribute display name (falls back to {@code cn}, then the user name)
 * @param emailAttribute e-mail address
 * @param phoneAttribute telephone number
 * @param disabledAttribute an attribute whose presence means the entry is disabled (OpenLDAP ppolicy's
 *     {@code pwdAccountLockedTime}); Active Directory's {@code userAccountControl} bit 2 always counts
 * @param syncInterval how often accounts are compared with the directory (empty or 0: only on demand)
 * @param createOnSync a sync also creates accounts for directory users who never signed in
 * @param startTls upgrade {@code ldap://} connections with StartTLS (for TLS from the start use {@code ldaps://})
 * @param sslBundle the SSL bundle ({@code spring.ssl.bundle.*}) whose trust material checks the directory's
 *     certificate over {@code ldaps://} and StartTLS (empty: the JVM's trust store)
 */
@ConfigurationProperties("kb.ldap")
public record LdapSettings(
        @DefaultValue("(|(uid={0})(sAMAccountName={0}))") String userFilter,
        @DefaultValue("") String userBase,
        @DefaultValue("") String groupBase,
        @DefaultValue("(|(member={0})(uniqueMember={0}))") String groupFilter,
        @DefaultValue("") String roleGroups,
        @DefaultValue("ou") String orgAttribute,
        @DefaultValue("displayName") String nameAttribute,
        @DefaultValue("mail") String emailAttribute,
        @DefaultValue("telephoneNumber") String phoneAttribute,
        @DefaultValue("pwdAccountLockedTime") String disabledAttribute,
        Duration syncInterval,
        @DefaultValue("false") boolean createOnSync,
        @DefaultValue("false") boolean startTls,
        @DefaultValue("") String sslBundle) {

    /**
     * Group DN (normalised) → role name, in the order given. Role names are checked against {@link Role}
     * when the settings are read, so a typo stops the start instead of silently granting nothing.
     */
    public Map<String, Role> roleMap() {
        Map<String, Role> map = new LinkedHashMap<>();
        for (String pair : roleGroups.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("kb.ldap.role-groups: '" + pair.strip() + "' is not ROLE=group DN");
            }
            String role = pair.substring(0, eq).strip().toUpperCase(Locale.ROOT);
            try {
                map.put(normaliseDn(pair.substring(eq + 1)), Role.valueOf(role));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kb.ldap.role-groups: no role '" + role + "'", e);
            }
        }
        return map;
    }

    /** A DN compared without case and without spaces around its separators. */
    static String normaliseDn(String dn) {
        return dn.strip().replaceAll("\\s*([,=+])\\s*", "$1").toLowerCase(Locale.ROOT);
    }
}
