package io.greenribbon.telephony.peer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Supplier;

/** The AMI TCP listener of the peer. A stopped listener refuses connections, as a stopped Asterisk does. */
final class AmiServer {

    private final Supplier<PbxCore> core;
    private final InetAddress bind;
    private volatile ServerSocket socket;
    private int port;

    AmiServer(Supplier<PbxCore> core, InetAddress bind, int port) {
        this.core = core;
        this.bind = bind;
        this.port = port;
    }

    synchronized void start() {
        if (socket != null) {
            return;
        }
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(bind, port), 50);
            port = s.getLocalPort();
            socket = s;
            Thread t = new Thread(() -> accept(s), "peer-ami-accept");
            t.setDaemon(true);
            t.start();
        } catch (IOException e) {
            throw new IllegalStateException("The peer's AMI cannot listen on " + bind + ":" + port, e);
        }
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                client.setTcpNoDelay(true);
                startSession(s, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * A connection accepted just before {@link #stop()} closed the port must not become a session after
     * stop() dropped the others: stop() and this hold the same lock, so the AMI is then unreachable for
     * every client, as the tests that take it away expect.
     */
    private synchronized void startSession(ServerSocket from, Socket client) throws IOException {
        if (socket != from) {
            client.close();
            return;
        }
        new AmiSession(core.get(), client).start();
    }

    synchronized void stop() {
        ServerSocket s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closed anyway
            }
        }
    }

    int port() {
        return port;
    }
}
