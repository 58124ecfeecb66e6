package org.kbportal.backend.channel;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * One kind of receiver. A channel turns a delivery into the vendor's HTTP request (signed as the vendor
 * documents) and judges the receiver's answer; {@link ChannelSender} does the sending for all of them,
 * {@link ChannelDrain} the retries.
 */
interface Channel {

    ChannelKind kind();

    /**
     * The request for one attempt.
     *
     * @param secret the channel's decrypted secret, or null
     * @param now the attempt's time (signatures carry it, so each attempt is signed afresh)
     */
    Outgoing request(StoredChannel channel, String secret, Delivery delivery, Payload payload, Instant now);

    /** Whether the receiver's answer means the message was taken; by default any 2xx. */
    default boolean accepted(int status, String body) {
        return status / 100 == 2;
    }

    /** An HTTP request as it goes out. */
    record Outgoing(String method, URI uri, Map<String, String> headers, String body) {}
}
