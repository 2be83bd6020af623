package io.greenribbon.telephony.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recorded transcript of /work/shared/asterisk/transcripts: protocol lines {@code <dir> +<t> <conn>|<text>}
 * and the recorder's annotations {@code #  +<t>  -- <text>}.
 */
public final class TranscriptFile {

    /** The directory of the recorded transcripts (outside the repository, shared by the project). */
    public static final Path DIR = Path.of(System.getProperty("greenribbon.transcripts", "/work/shared/asterisk/transcripts"));

    /** One protocol line; {@code fromAsterisk} is {@code <<}. */
    public record Line(boolean fromAsterisk, double t, String conn, String text) {
    }

    /** A recorder annotation. */
    public record Note(double t, String text) {
    }

    /** An AMI message with the time of its first line. */
    public record Timed(double t, AmiMessage message, List<String> lines) {
    }

    private static final Pattern LINE = Pattern.compile("^(<<|>>) \\+(\\d+\\.\\d+) (\\w+)\\|(.*)$");
    private static final Pattern NOTE = Pattern.compile("^#\\s+\\+(\\d+\\.\\d+)\\s+-- (.*)$");

    public final List<Line> lines = new ArrayList<>();
    public final List<Note> notes = new ArrayList<>();

    public static TranscriptFile read(String name) {
        TranscriptFile f = new TranscriptFile();
        try {
            for (String raw : Files.readAllLines(DIR.resolve(name), StandardCharsets.UTF_8)) {
                Matcher m = LINE.matcher(raw);
                if (m.matches()) {
                    f.lines.add(new Line(m.group(1).equals("<<"), Double.parseDouble(m.group(2)), m.group(3), m.group(4)));
                    continue;
                }
                Matcher n = NOTE.matcher(raw);
                if (n.matches()) {
                    f.notes.add(new Note(Double.parseDouble(n.group(1)), n.group(2)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read transcript " + name + ": " + e.getMessage(), e);
        }
        return f;
    }

    public static boolean exists(String name) {
        return Files.isRegularFile(DIR.resolve(name));
    }

    public List<String> connections() {
        return lines.stream().map(Line::conn).distinct().toList();
    }

    /**
     * The AMI messages on one connection in one direction. Asterisk's greeting (the first line, without an
     * empty line after it) is a message of its own.
     */
    public List<Timed> amiMessages(String conn, boolean fromAsterisk) {
        List<Timed> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        double start = 0;
        boolean greeting = fromAsterisk;
        for (Line l : lines) {
            if (!l.conn().equals(conn) || l.fromAsterisk() != fromAsterisk) {
                continue;
            }
            if (greeting) {
                greeting = false;
                out.add(new Timed(l.t(), new AmiMessage().add("Greeting", l.text()), List.of(l.text())));
                continue;
            }
            if (l.text().isEmpty()) {
                if (!current.isEmpty()) {
                    out.add(new Timed(start, AmiMessage.parse(current), List.copyOf(current)));
                    current = new ArrayList<>();
                }
                continue;
            }
            if (current.isEmpty()) {
                start = l.t();
            }
            current.add(l.text());
        }
        return out;
    }

    /** The FastAGI lines of one connection in one direction, with their times. */
    public List<Line> agiLines(String conn, boolean fromAsterisk) {
        return lines.stream().filter(l -> l.conn().equals(conn) && l.fromAsterisk() == fromAsterisk).toList();
    }

    public List<Note> notes(String containing) {
        return notes.stream().filter(n -> n.text().contains(containing)).toList();
    }
}
