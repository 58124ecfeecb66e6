package org.kbportal.ui.client;

import java.util.Optional;

/**
 * Supplies the bearer token of whoever is signed in for the current request. Implemented by the
 * session layer, so the clients never know where logins are kept.
 */
public interface TokenSource {

    /** The token to send, if someone is signed in. */
    Optional<String> currentToken();

    /** Called when the backend answered 401 to a request that carried the token (expired, revoked). */
    void tokenRejected();

    /**
     * The address of the browser behind the current request, sent to the backend as {@code
     * X-Forwarded-For} so its audit log names the real client (the backend believes it only from
     * trusted proxies); empty outside a request.
     */
    default Optional<String> clientAddress() {
        return Optional.empty();
    }

    /** A source for code running outside a user session: never sends a token. */
    static TokenSource anonymous() {
        return new TokenSource() {
            @Override
            public Optional<String> currentToken() {
                return Optional.empty();
            }

            @Override
            public void tokenRejected() {
                // nothing to forget
            }
        };
    }
}
