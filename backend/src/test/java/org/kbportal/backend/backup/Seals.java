package org.kbportal.backend.backup;

import org.kbportal.backend.system.KbProperties;

/** Archive seals for tests: with given keys and suite. */
final class Seals {

    private Seals() {}

    static ArchiveSeal of(String suite, String encryptionKey, String signingKey, boolean acceptUnsigned) {
        return ArchiveSeal.configured(
                new KbProperties.Backup("", 7, 1, encryptionKey, signingKey, acceptUnsigned), suite);
    }

    /** Reads archives without a signature (crafted by tests), signs with a fixed key. */
    static ArchiveSeal acceptingUnsigned() {
        return of("STANDARD", "", "c2lnbmluZy1rZXktb2YtdGhlLXRlc3RzLTMyLWJ5dGVzIQ==", true);
    }
}
