package io.greenribbon.telephony.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.greenribbon.telephony.PbxEvent;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One journal line per held event: {@code {"seq":7,"heldAt":"...","type":"MemberConnected","event":{...}}}.
 * The mapper is the journal's own, so that the API's JSON settings never change what a journal file says.
 */
final class PbxEventCodec {

    /** A held event: its place in the lane and when it was held. */
    record Entry(long seq, Instant heldAt, PbxEvent event) {
    }

    private static final Map<String, Class<? extends PbxEvent>> TYPES = new HashMap<>();

    static {
        collect(PbxEvent.class);
    }

    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule()).addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            // A journal written before an event gained a field still reads.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @SuppressWarnings("unchecked")
    private static void collect(Class<?> type) {
        if (type.isRecord()) {
            TYPES.put(type.getSimpleName(), (Class<? extends PbxEvent>) type);
            return;
        }
        for (Class<?> sub : type.getPermittedSubclasses()) {
            collect(sub);
        }
    }

    String encode(Entry entry) {
        ObjectNode line = json.createObjectNode();
        line.put("seq", entry.seq());
        line.put("heldAt", entry.heldAt().toString());
        line.put("type", entry.event().getClass().getSimpleName());
        line.set("event", json.valueToTree(entry.event()));
        try {
            return json.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + entry.event() + " to the journal", e);
        }
    }

    /** The entry of a line; an exception when the line is not one (a torn write at a crash). */
    Entry decode(String text) throws JsonProcessingException {
        JsonNode line = json.readTree(text);
        if (line == null || !line.hasNonNull("type") || !line.hasNonNull("event")) {
            throw new IllegalArgumentException("not a journal entry");
        }
        Class<? extends PbxEvent> type = TYPES.get(line.get("type").asText());
        if (type == null) {
            throw new IllegalArgumentException("unknown event type " + line.get("type").asText());
        }
        return new Entry(line.get("seq").asLong(), Instant.parse(line.get("heldAt").asText()),
                json.treeToValue(line.get("event"), type));
    }

    String header(Map<String, String> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, String> readHeader(String text) throws JsonProcessingException {
        return json.readValue(text, json.getTypeFactory().constructMapType(Map.class, String.class, String.class));
    }
}
