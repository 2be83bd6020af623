package io.greenribbon.telephony.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One AMI message (action, response or event): {@code Key: Value} lines in order, each ended by CRLF,
 * then an empty CRLF line. Keys may repeat ({@code Variable:} in Originate).
 */
public final class AmiMessage {

    /** One header line. */
    public record Field(String key, String value) {
    }

    private final List<Field> fields = new ArrayList<>();
    private String eventClass;

    public static AmiMessage event(String name) {
        return new AmiMessage().add("Event", name);
    }

    public static AmiMessage response(String response, AmiMessage action) {
        AmiMessage m = new AmiMessage().add("Response", response);
        action.get("ActionID").ifPresent(id -> m.add("ActionID", id));
        return m;
    }

    public AmiMessage add(String key, Object value) {
        fields.add(new Field(key, value == null ? "" : value.toString()));
        return this;
    }

    public AmiMessage addAll(List<Field> more) {
        fields.addAll(more);
        return this;
    }

    /** Inserts a field right after the first one (Privilege and Timestamp go after Event:). */
    public AmiMessage insert(int index, String key, String value) {
        fields.add(index, new Field(key, value));
        return this;
    }

    public List<Field> fields() {
        return fields;
    }

    public Optional<String> get(String key) {
        return fields.stream().filter(f -> f.key().equalsIgnoreCase(key)).map(Field::value).findFirst();
    }

    public List<String> all(String key) {
        return fields.stream().filter(f -> f.key().equalsIgnoreCase(key)).map(Field::value).toList();
    }

    public String require(String key) {
        return get(key).orElse("");
    }

    public String name() {
        return get("Event").orElseGet(() -> get("Action").orElse(get("Response").orElse("")));
    }

    /** The privilege class of an event ({@code call}, {@code agent}, ...), or null for responses and list items. */
    public String eventClass() {
        return eventClass;
    }

    public AmiMessage eventClass(String value) {
        this.eventClass = value;
        return this;
    }

    public AmiMessage copy() {
        AmiMessage m = new AmiMessage();
        m.fields.addAll(fields);
        m.eventClass = eventClass;
        return m;
    }

    public String render() {
        StringBuilder out = new StringBuilder(fields.size() * 32);
        for (Field f : fields) {
            out.append(f.key()).append(": ").append(f.value()).append("\r\n");
        }
        return out.append("\r\n").toString();
    }

    /** Parses the lines of one message (without the empty line). */
    public static AmiMessage parse(List<String> lines) {
        AmiMessage m = new AmiMessage();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                m.add(line, "");
                continue;
            }
            String value = line.substring(colon + 1);
            m.add(line.substring(0, colon).strip(), value.startsWith(" ") ? value.substring(1) : value);
        }
        return m;
    }

    @Override
    public String toString() {
        return render().replace("\r\n", " | ");
    }
}
