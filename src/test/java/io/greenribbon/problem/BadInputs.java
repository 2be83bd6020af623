package io.greenribbon.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenribbon.testkit.ApiEndpoints;
import io.greenribbon.testkit.ApiEndpoints.Endpoint;
import io.greenribbon.testkit.ApiEndpoints.Parameter;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Input that no endpoint may accept, derived from the OpenAPI document: for request bodies (broken JSON,
 * bodies of the wrong shape, unknown fields, values of the wrong type, oversized strings, ids beyond any id)
 * and for path and query parameters (values that cannot be parsed as what the parameter is).
 */
final class BadInputs {

    /** Beyond a 64-bit integer. */
    static final String NO_ID = "99999999999999999999";
    /** Longer than any string field the API takes (5 MB CSV uploads aside). */
    static final int OVERSIZED = 100_000;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper WRITER = new ObjectMapper();
    private static final int MAX_DEPTH = 3;

    /**
     * One request to send: {@code refused} when only a 4xx is right, with a problem naming {@code names}
     * (the fields or parameters at fault). {@code query} holds query parameters; {@code pathValues} path parameters (the others
     * get a valid-looking {@code 1}).
     */
    record Attempt(String what, Map<String, String> pathValues, Map<String, String> query, String contentType,
                   byte[] body, boolean refused, Set<String> names) {
    }

    private BadInputs() {
    }

    /** Bad bodies for an endpoint that takes one (none for the others). */
    static List<Attempt> bodies(Endpoint endpoint, ApiEndpoints api) {
        if (endpoint.body() == null) {
            return List.of();
        }
        if (!endpoint.mediaType().contains("json")) {
            return uploads(endpoint);
        }
        List<Attempt> attempts = new ArrayList<>();
        Map<String, Object> schema = endpoint.body();
        Map<String, Object> properties = properties(schema);
        String first = properties.keySet().iterator().next();
        attempts.add(body(endpoint, "JSON broken off in " + first, "{\"" + first + "\": ", Set.of(first)));
        attempts.add(body(endpoint, "not JSON", "{oops", Set.of()));
        attempts.add(body(endpoint, "a second document after the first", "{} {}", Set.of()));
        attempts.add(body(endpoint, "an array for an object", "[]", Set.of()));
        attempts.add(body(endpoint, "a string for an object", "\"text\"", Set.of()));
        attempts.add(body(endpoint, "a number for an object", "42", Set.of()));
        attempts.add(body(endpoint, "two unknown fields", "{\"noSuchField\": 1, \"anotherUnknownField\": {\"a\": 1}}",
                Set.of("noSuchField", "anotherUnknownField")));
        for (Slot slot : slots(schema, api, List.of(), 0)) {
            for (Bad bad : badValues(slot.schema)) {
                attempts.add(body(endpoint, bad.what + " in " + slot.field(), write(slot.wrap(bad.value)),
                        Set.of(slot.field() + bad.suffix)));
            }
        }
        return attempts;
    }

    /**
     * Unparsable values for each typed path and query parameter, and, on read endpoints, odd ones for free-text
     * parameters. (An empty value is none: an empty path segment is another route, and an empty query value
     * is as good as leaving the parameter out.)
     */
    static List<Attempt> parameters(Endpoint endpoint) {
        List<Attempt> attempts = new ArrayList<>();
        byte[] body = endpoint.body() == null ? new byte[0] : "{}".getBytes(StandardCharsets.UTF_8);
        for (Parameter p : endpoint.parameters()) {
            if (!p.in().equals("path") && !p.in().equals("query")) {
                continue;
            }
            List<String> unparsable = unparsable(p.schema());
            List<String> values = unparsable.isEmpty() && !endpoint.writes()
                    ? List.of("not a value ~!", NO_ID, "x".repeat(2000)) : unparsable;
            for (String value : values) {
                String what = p.in() + " " + p.name() + "=" + (value.length() > 40 ? value.substring(0, 20) + "…" : value);
                Map<String, String> path = p.in().equals("path") ? Map.of(p.name(), value) : Map.of();
                Map<String, String> query = p.in().equals("query") ? Map.of(p.name(), value) : Map.of();
                attempts.add(new Attempt(what, path, query, endpoint.mediaType(), endpoint.writes() ? body : null,
                        !unparsable.isEmpty(), unparsable.isEmpty() ? Set.of() : Set.of(p.name())));
            }
        }
        return attempts;
    }

    private static List<Attempt> uploads(Endpoint endpoint) {
        return List.of(
                new Attempt("binary junk", Map.of(), Map.of(), endpoint.mediaType(),
                        new byte[]{0, 1, 2, (byte) 0xff, (byte) 0xfe, 10, 0, 13}, true, Set.of()),
                new Attempt("one oversized cell", Map.of(), Map.of(), endpoint.mediaType(),
                        ("a,b\n" + "x".repeat(OVERSIZED) + ",1\n").getBytes(StandardCharsets.UTF_8), true, Set.of()));
    }

    private static Attempt body(Endpoint endpoint, String what, String json, Set<String> names) {
        return new Attempt(what, Map.of(), Map.of(), endpoint.mediaType(), json.getBytes(StandardCharsets.UTF_8), true,
                names);
    }

    /** A place in a body where a value goes: a property, an array's first element, or one inside them. */
    private record Slot(List<Object> at, Map<String, Object> schema) {

        String field() {
            StringBuilder field = new StringBuilder();
            for (Object step : at) {
                if (step instanceof Integer i) {
                    field.append('[').append(i).append(']');
                } else {
                    field.append(field.isEmpty() ? "" : ".").append(step);
                }
            }
            return field.toString();
        }

        /** The body that holds {@code value} at this slot and nothing else. */
        JsonNode wrap(JsonNode value) {
            JsonNode node = value;
            for (int i = at.size() - 1; i >= 0; i--) {
                if (at.get(i) instanceof Integer) {
                    ArrayNode array = JSON.arrayNode();
                    array.add(node);
                    node = array;
                } else {
                    ObjectNode object = JSON.objectNode();
                    object.set((String) at.get(i), node);
                    node = object;
                }
            }
            return node;
        }
    }

    private static List<Slot> slots(Map<String, Object> schema, ApiEndpoints api, List<Object> at, int depth) {
        List<Slot> slots = new ArrayList<>();
        for (Map.Entry<String, Object> property : properties(schema).entrySet()) {
            List<Object> here = append(at, property.getKey());
            slots.addAll(slotsOf(api.resolve(asMap(property.getValue())), api, here, depth));
        }
        return slots;
    }

    private static List<Slot> slotsOf(Map<String, Object> schema, ApiEndpoints api, List<Object> at, int depth) {
        List<Slot> slots = new ArrayList<>();
        slots.add(new Slot(at, schema));
        if (depth >= MAX_DEPTH) {
            return slots;
        }
        if ("array".equals(schema.get("type"))) {
            slots.addAll(slotsOf(api.resolve(asMap(schema.get("items"))), api, append(at, 0), depth + 1));
        } else if (schema.get("properties") != null) {
            slots.addAll(slots(schema, api, at, depth + 1));
        }
        return slots;
    }

    /** A value that cannot stand where a schema is, and what the problem names besides the slot itself. */
    private record Bad(String what, JsonNode value, String suffix) {
        Bad(String what, JsonNode value) {
            this(what, value, "");
        }
    }

    private static List<Bad> badValues(Map<String, Object> schema) {
        String type = String.valueOf(schema.get("type"));
        Object format = schema.get("format");
        List<Bad> bad = new ArrayList<>();
        switch (type) {
            case "integer" -> {
                bad.add(new Bad("a word for a number", JSON.textNode("abc")));
                bad.add(new Bad("a fraction for a whole number", JSON.numberNode(1.5)));
                bad.add(new Bad("a boolean for a number", JSON.booleanNode(true)));
                bad.add(new Bad("a number beyond the type", "int32".equals(format)
                        ? JSON.numberNode(BigInteger.valueOf(Integer.MAX_VALUE).add(BigInteger.ONE))
                        : JSON.numberNode(new BigInteger(NO_ID))));
            }
            case "number" -> bad.add(new Bad("a word for a number", JSON.textNode("abc")));
            case "boolean" -> {
                bad.add(new Bad("a word for a boolean", JSON.textNode("maybe")));
                bad.add(new Bad("an object for a boolean", JSON.objectNode()));
            }
            case "array" -> {
                bad.add(new Bad("a string for a list", JSON.textNode("abc")));
                bad.add(new Bad("an object for a list", JSON.objectNode()));
            }
            case "object" -> {
                bad.add(new Bad("a number for an object", JSON.numberNode(5)));
                bad.add(new Bad("an unknown field", JSON.objectNode().put("noSuchField", 1), ".noSuchField"));
            }
            case "string" -> {
                bad.add(new Bad("an object for a string", JSON.objectNode().put("a", 1)));
                bad.add(new Bad("a list for a string", JSON.arrayNode().add("a")));
                if (schema.get("enum") != null) {
                    bad.add(new Bad("a value outside the enumeration", JSON.textNode("NO_SUCH_VALUE")));
                    bad.add(new Bad("a number for an enumeration", JSON.numberNode(0)));
                } else if (format != null) {
                    bad.add(new Bad("a value of no " + format, JSON.textNode("not-a-" + format)));
                } else {
                    bad.add(new Bad("an oversized string", JSON.textNode("x".repeat(OVERSIZED))));
                }
            }
            default -> {
            }
        }
        return bad;
    }

    /** Values a parameter of this schema cannot be parsed from (none for free text). */
    private static List<String> unparsable(Map<String, Object> schema) {
        String type = String.valueOf(schema.get("type"));
        Object format = schema.get("format");
        return switch (type) {
            case "integer" -> "int32".equals(format) ? List.of("abc", "2147483648", "1.5")
                    : List.of("abc", NO_ID, "1.5");
            case "boolean" -> List.of("maybe");
            case "string" -> schema.get("enum") != null ? List.of("NO_SUCH_VALUE")
                    : format != null ? List.of("not-a-" + format)
                    : schema.get("pattern") != null ? List.of("~!") : List.of();
            default -> List.of();
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> schema) {
        Object properties = schema.get("properties");
        return properties == null ? Map.of() : (Map<String, Object>) properties;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object schema) {
        return (Map<String, Object>) schema;
    }

    private static List<Object> append(List<Object> at, Object step) {
        List<Object> longer = new ArrayList<>(at);
        longer.add(step);
        return List.copyOf(longer);
    }

    private static String write(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
