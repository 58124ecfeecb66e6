package org.kbportal.ui.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records the time of the last <em>user</em> interaction in the HTTP session, for {@link
 * IdleSessions}: a page load, or a Vaadin UIDL request that carries a DOM event (click, key, change)
 * or a navigation. Heartbeats, the push channel and requests a component makes on its own (a grid
 * fetching rows after a pushed change) do not count, so an open tab does not keep a session alive.
 * A session that {@link IdleSessions} ended is invalidated by the next request it sends.
 */
@Component
class UserActivityFilter extends OncePerRequestFilter {

    /** HTTP session attribute: epoch millis of the last user interaction. */
    static final String LAST_INTERACTION = "kb.last-interaction";

    /** HTTP session attribute: the session was ended for inactivity and waits to be invalidated. */
    static final String ENDED = "kb.ended-idle";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;

    UserActivityFilter(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(ENDED) != null) {
            session.invalidate();
            session = null;
        }
        if (session == null) {
            chain.doFilter(request, response);
            return;
        }
        String type = request.getParameter("v-r");
        HttpServletRequest next = request;
        boolean interaction;
        if ("uidl".equals(type)) {
            Cached cached = new Cached(request);
            next = cached;
            interaction = carriesUserEvent(cached.body);
        } else {
            interaction = "init".equals(type) || "navigate".equals(request.getHeader("Sec-Fetch-Mode"));
        }
        if (interaction) {
            touch(session, clock.millis());
        }
        chain.doFilter(next, response);
    }

    static void touch(HttpSession session, long millis) {
        try {
            session.setAttribute(LAST_INTERACTION, millis);
        } catch (IllegalStateException e) {
            // invalidated meanwhile
        }
    }

    /** Whether a UIDL message holds an RPC a person causes: a DOM event or a navigation. */
    static boolean carriesUserEvent(byte[] body) {
        try {
            JsonNode rpc = JSON.readTree(body).path("rpc");
            for (JsonNode call : rpc) {
                String t = call.path("type").asString("");
                if (t.equals("event") || t.equals("navigation")) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException e) {
            return false; // Vaadin answers a malformed message itself
        }
    }

    /** The request with its body read once and served again to Vaadin. */
    private static final class Cached extends HttpServletRequestWrapper {

        private final byte[] body;

        Cached(HttpServletRequest request) throws IOException {
            super(request);
            this.body = request.getInputStream().readAllBytes();
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
