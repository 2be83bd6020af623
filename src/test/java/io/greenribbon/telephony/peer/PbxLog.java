package io.greenribbon.telephony.peer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What Asterisk writes to its log at WARNING and ERROR, where the peer models it: the lines operators alert
 * on (transcripts 07a, 07d and 10a-10e quote them from Asterisk's log/full). Each line belongs to the call
 * (Linkedid) of the channel that logged it.
 */
final class PbxLog {

    /** One log line: {@code WARNING[<channel>] <source>: <message>}. */
    record Line(String level, String channel, String linkedId, String source, String message) {
        @Override
        public String toString() {
            return level + "[" + channel + "] " + source + ": " + message;
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    void warning(PeerChannel c, String source, String message) {
        lines.add(new Line("WARNING", c.name, c.linkedId, source, message));
    }

    void error(PeerChannel c, String source, String message) {
        lines.add(new Line("ERROR", c.name, c.linkedId, source, message));
    }

    List<String> all() {
        return lines.stream().map(Line::toString).toList();
    }

    List<String> ofCall(String linkedId) {
        return lines.stream().filter(l -> l.linkedId().equals(linkedId)).map(Line::toString).toList();
    }
}
