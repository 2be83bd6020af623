package io.greenribbon.telephony.agi;

import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The FastAGI listening socket. Connections from addresses other than the configured Asterisk servers
 * are closed at once and logged; the others become {@link AgiConnection}s, findable by their remote
 * address and port while they last (a session finds its connection that way).
 */
final class AgiListener implements ServerSocketFacade {

    private static final Logger LOG = Logger.getLogger(AgiListener.class);

    private final ServerSocket server;
    private final AllowedClients allowed;
    private final int readTimeoutMillis;
    private final Map<String, AgiConnection> open = new ConcurrentHashMap<>();

    AgiListener(InetAddress bind, int port, int backlog, AllowedClients allowed, int readTimeoutMillis) throws IOException {
        this.allowed = allowed;
        this.readTimeoutMillis = readTimeoutMillis;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(bind, port), backlog);
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public SocketConnectionFacade accept() throws IOException {
        while (true) {
            Socket socket = server.accept();
            InetAddress from = socket.getInetAddress();
            if (allowed.allows(from)) {
                String key = key(from, socket.getPort());
                AgiConnection connection = new AgiConnection(socket, readTimeoutMillis, () -> open.remove(key));
                open.put(key, connection);
                return connection;
            }
            LOG.warnf("Refused a FastAGI connection from %s: not a configured Asterisk address "
                    + "(greenribbon.telephony.agi.allowed-clients)", from.getHostAddress());
            try {
                socket.close();
            } catch (IOException ignored) {
                // closed anyway
            }
        }
    }

    AgiConnection connection(InetAddress remote, int remotePort) {
        return open.get(key(remote, remotePort));
    }

    private static String key(InetAddress address, int port) {
        return address.getHostAddress() + ":" + port;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    @Override
    public void setSocketReadTimeout(int socketReadTimeout) {
        // The read timeout comes from the configuration (AgiConnection).
    }
}
