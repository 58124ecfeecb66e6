package org.kbportal.backend.notify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A test-side SMTP front with STARTTLS (GreenMail 2.1 has none): on loopback it greets, answers EHLO advertising
 * {@code STARTTLS} (or not, see {@link #offerStartTls}), upgrades the connection with the given certificate on
 * {@code STARTTLS}, and from then on forwards the decrypted conversation to a plain SMTP server (GreenMail),
 * whose greeting it swallows. Every completed handshake is recorded with its protocol; every connection's
 * commands before TLS are recorded as well, so a test can see a client that gave up.
 */
final class StartTlsRelay implements AutoCloseable {

    private final ServerSocket server;
    private final SSLContext tls;
    private final int upstreamPort;
    private volatile boolean offerStartTls = true;
    private final List<String> handshakes = new CopyOnWriteArrayList<>();
    private final List<String> plainCommands = new CopyOnWriteArrayList<>();

    private StartTlsRelay(ServerSocket server, SSLContext tls, int upstreamPort) {
        this.server = server;
        this.tls = tls;
        this.upstreamPort = upstreamPort;
    }

    /** Listens on an ephemeral loopback port, presenting the PKCS12 keystore's key, forwarding to {@code upstreamPort}. */
    static StartTlsRelay start(Path keystore, String password, int upstreamPort) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        StartTlsRelay relay =
                new StartTlsRelay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), tls, upstreamPort);
        Thread.ofVirtual().name("starttls-relay").start(relay::acceptLoop);
        return relay;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Whether EHLO advertises STARTTLS (and STARTTLS is accepted) from now on. */
    void offerStartTls(boolean offer) {
        this.offerStartTls = offer;
    }

    /** The protocol of every completed TLS handshake ({@code TLSv1.3}, ...), in order. */
    List<String> handshakes() {
        return List.copyOf(handshakes);
    }

    /** Every command received before TLS (upper-cased verb and arguments), over all connections. */
    List<String> plainCommands() {
        return List.copyOf(plainCommands);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            reply(out, "220 relay.test ESMTP (STARTTLS front)");
            while (true) {
                String line = readLine(in);
                if (line == null) {
                    return;
                }
                String command = line.toUpperCase(Locale.ROOT);
                plainCommands.add(command);
                if (command.startsWith("EHLO")) {
                    reply(
                            out,
                            offerStartTls
                                    ? "250-relay.test\r\n250-STARTTLS\r\n250 8BITMIME"
                                    : "250-relay.test\r\n250 8BITMIME");
                } else if (command.startsWith("HELO") || command.startsWith("NOOP") || command.startsWith("RSET")) {
                    reply(out, "250 OK");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 Bye");
                    return;
                } else if (command.equals("STARTTLS") && offerStartTls) {
                    reply(out, "220 Ready to start TLS");
                    SSLSocket secure = (SSLSocket)
                            tls.getSocketFactory().createSocket(client, "127.0.0.1", client.getPort(), true);
                    secure.setUseClientMode(false);
                    secure.startHandshake();
                    handshakes.add(secure.getSession().getProtocol());
                    forward(secure);
                    return;
                } else {
                    // no mail over the plain connection: this front only relays what came through TLS
                    reply(out, "530 Must issue a STARTTLS command first");
                }
            }
        } catch (IOException e) {
            // the client went away (or refused the handshake); nothing to relay
        }
    }

    /** Pipes the secured conversation to the plain SMTP server, after swallowing its greeting. */
    private void forward(SSLSocket secure) throws IOException {
        try (secure;
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            String greeting = readLine(upstream.getInputStream());
            if (greeting == null || !greeting.startsWith("220")) {
                throw new IOException("upstream greeting: " + greeting);
            }
            Thread back = Thread.ofVirtual().start(() -> copy(upstream, secure));
            copy(secure, upstream);
            try {
                back.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException | UnsupportedOperationException e) {
                // SSLSocket may not support half-close; closing follows
            }
        }
    }

    /** One CRLF line, read byte by byte so that no byte of a following TLS handshake is consumed. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
