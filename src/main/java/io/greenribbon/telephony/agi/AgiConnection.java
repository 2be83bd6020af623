package io.greenribbon.telephony.agi;

import org.asteriskjava.util.SocketConnectionFacade;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One FastAGI connection as Asterisk-Java reads and writes it: lines ended by a bare LF, UTF-8. It also
 * notices the unsolicited {@code HANGUP} line Asterisk sends when the caller hangs up, which Asterisk-Java
 * reads past; {@link #hangupSeen()} checks for one without blocking.
 */
final class AgiConnection implements SocketConnectionFacade {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Runnable onClose;
    private volatile boolean hangup;
    private volatile boolean closed;

    AgiConnection(Socket socket, int readTimeoutMillis, Runnable onClose) throws IOException {
        this.socket = socket;
        this.onClose = onClose;
        socket.setSoTimeout(readTimeoutMillis);
        socket.setTcpNoDelay(true);
        this.in = new BufferedInputStream(socket.getInputStream(), 4096);
        this.out = socket.getOutputStream();
    }

    @Override
    public String readLine() throws IOException {
        String line = readLineOrNull();
        if (line == null) {
            hangup = true;
            throw new IOException("FastAGI connection closed by Asterisk");
        }
        if (line.equals("HANGUP")) {
            hangup = true;
        }
        return line;
    }

    private String readLineOrNull() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                return buf.size() == 0 ? null : buf.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                return buf.toString(StandardCharsets.UTF_8);
            }
            buf.write(b);
        }
    }

    /**
     * Whether Asterisk said the caller hung up. Between commands the only thing Asterisk sends is that
     * line, so anything waiting to be read now is it.
     */
    boolean hangupSeen() {
        if (hangup) {
            return true;
        }
        try {
            in.mark(16);
            if (in.available() >= "HANGUP\n".length()) {
                byte[] head = in.readNBytes(7);
                if (new String(head, StandardCharsets.US_ASCII).equals("HANGUP\n")) {
                    hangup = true;
                    return true;
                }
                in.reset();
            }
        } catch (IOException e) {
            hangup = true;
        }
        return hangup;
    }

    @Override
    public void write(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            onClose.run();
            socket.close();
        }
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected() && !socket.isClosed();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getInetAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getPort();
    }
}
