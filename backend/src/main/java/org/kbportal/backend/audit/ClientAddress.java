package org.kbportal.backend.audit;

import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address of the person behind a request. The UI server calls the backend on the user's behalf
 * and sends the browser's address in {@code X-Forwarded-For}; that header is believed only from a
 * trusted proxy ({@code kb.audit.trusted-proxies}), reading from the right past trusted hops, so a
 * client cannot put a made-up address into the audit log.
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String of(ServerHttpRequest request, List<String> trustedProxies) {
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null
                ? null
                : remote.getAddress().getHostAddress();
        if (peer == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().getOrEmpty("X-Forwarded-For");
        String address = peer;
        List<String> hops = forwarded.stream()
                .flatMap(h -> java.util.Arrays.stream(h.split(",")))
                .map(String::strip)
                .filter(h -> !h.isEmpty())
                .toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            address = hops.get(i);
            if (!trustedProxies.contains(address)) {
                break;
            }
        }
        return address.length() > 64 ? address.substring(0, 64) : address;
    }
}
