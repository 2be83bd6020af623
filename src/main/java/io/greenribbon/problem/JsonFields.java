package io.greenribbon.problem;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.stream.Collectors;

/**
 * Where in a JSON request body something is, written as the API names fields in problems:
 * {@code shifts[2].start}.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** The field whose value the parser is reading in {@code context} (empty at the top of the document). */
    public static String at(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = at(context.getParent());
        if (context.inArray()) {
            return parent + "[" + Math.max(context.getCurrentIndex(), 0) + "]";
        }
        String name = context.getCurrentName();
        return name == null ? parent : parent.isEmpty() ? name : parent + "." + name;
    }

    /** The field a Jackson mapping failure is about (empty when it is about the whole body). */
    public static String of(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
