package io.greenribbon.telephony.peer;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the peer reaches FastAGI servers. Tests can make an address refuse connections (service down) or
 * never complete the TCP handshake (a full accept queue), as transcripts 07a and 07d show.
 */
public final class AgiNetwork {

    /** What a connection attempt to an address does. */
    public enum Fault { REFUSE, NO_ACCEPT }

    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private volatile java.net.InetAddress source;

    /** Connects from this local address (e.g. 127.0.0.2), or from any (null). */
    public void connectFrom(java.net.InetAddress address) {
        this.source = address;
    }

    public void fault(String hostAndPort, Fault fault) {
        faults.put(hostAndPort, fault);
    }

    public void heal(String hostAndPort) {
        faults.remove(hostAndPort);
    }

    /**
     * Connects within {@code timeoutMillis} (real time). Throws {@link ConnectException} when the address
     * refuses the connection and {@link SocketTimeoutException} when the handshake does not complete in time.
     */
    Socket connect(String host, int port, long timeoutMillis) throws InterruptedException, IOException {
        Fault fault = faults.get(host + ":" + port);
        if (fault == Fault.REFUSE) {
            throw new ConnectException("Connection refused");
        }
        if (fault == Fault.NO_ACCEPT) {
            Thread.sleep(timeoutMillis);
            throw new SocketTimeoutException("connect timed out");
        }
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            if (source != null) {
                socket.bind(new InetSocketAddress(source, 0));
            }
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeoutMillis));
            return socket;
        } catch (IOException e) {
            close(socket);
            throw e;
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to release
        }
    }
}
