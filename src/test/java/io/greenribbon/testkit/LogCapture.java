package io.greenribbon.testkit;

import org.jboss.logmanager.ExtLogRecord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the service logs at WARN and above (the lines operators alert on), from every logger (Asterisk-Java's
 * included) while the capture is open: a handler on the root logger of the JBoss LogManager the tests run.
 */
public final class LogCapture implements AutoCloseable {

    /** One line: its level (WARN, ERROR), logger and formatted message. */
    public record Line(String level, String logger, String message) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                String message = r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage();
                lines.add(new Line(r.getLevel().getName(), r.getLoggerName(), message));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
        Logger.getLogger("").addHandler(handler);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** The lines logged so far that mention {@code text} (e.g. a call's Uniqueid or channel). */
    public List<Line> mentioning(String text) {
        return lines.stream().filter(l -> l.message() != null && l.message().contains(text)).toList();
    }

    /** Every line logged so far by loggers under {@code prefix} (e.g. {@code org.asteriskjava}). */
    public List<Line> from(String prefix) {
        return lines.stream().filter(l -> l.logger() != null && l.logger().startsWith(prefix)).toList();
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
