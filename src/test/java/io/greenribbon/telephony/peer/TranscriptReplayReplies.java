package io.greenribbon.telephony.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

/** Reads one FastAGI reply as a server does: unsolicited HANGUP lines first, a 520 reply to its end. */
final class TranscriptReplayReplies {

    private TranscriptReplayReplies() {
    }

    static void read(BufferedReader in, List<String> lines) throws IOException {
        String l;
        while ((l = in.readLine()) != null) {
            lines.add(l);
            if (l.equals("HANGUP")) {
                continue;
            }
            if (l.startsWith("520-")) {
                while ((l = in.readLine()) != null) {
                    lines.add(l);
                    if (l.startsWith("520 ")) {
                        break;
                    }
                }
            }
            return;
        }
    }
}
