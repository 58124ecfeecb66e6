package org.kbportal.backend.account;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The socket factory JNDI uses for {@code ldaps://} when {@code kb.ldap.ssl-bundle} names the directory's
 * trust: JNDI takes a class name ({@code java.naming.ldap.factory.socket}) and calls its static {@code
 * getDefault()}, so the bundle's factory is held here, once per JVM (one directory per backend).
 * JNDI still verifies the host name against the certificate.
 */
public final class LdapSocketFactory extends SocketFactory {

    private static volatile SSLSocketFactory trusted;

    private final SSLSocketFactory delegate;

    private LdapSocketFactory(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    static void use(SSLSocketFactory factory) {
        trusted = factory;
    }

    /** Called by JNDI for every connection. */
    public static SocketFactory getDefault() {
        SSLSocketFactory f = trusted;
        if (f == null) {
            throw new IllegalStateException("kb.ldap.ssl-bundle is not loaded");
        }
        return new LdapSocketFactory(f);
    }

    @Override
    public Socket createSocket() throws IOException {
        return delegate.createSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }
}
