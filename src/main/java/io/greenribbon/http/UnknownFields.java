package io.greenribbon.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.type.ArrayType;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;
import io.greenribbon.problem.JsonFields;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses the fields a request body has and its type does not, naming every one of them: each unknown field
 * is noted (and its value skipped) while the whole document is read, and once the outermost value is complete
 * the request is refused if any was found. Jackson's own {@code FAIL_ON_UNKNOWN_PROPERTIES} would stop at
 * the first.
 */
final class UnknownFields extends DeserializationProblemHandler {

    private static final Object FOUND = UnknownFields.class;

    /** Wraps every deserializer of a structured value, so that the outermost one can refuse what was found. */
    static final BeanDeserializerModifier REFUSE = new BeanDeserializerModifier() {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
                                                      JsonDeserializer<?> deserializer) {
            return new RefusingAtTheEnd(deserializer);
        }

        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                BeanDescription bean, JsonDeserializer<?> deserializer) {
            return new RefusingAtTheEnd(deserializer);
        }

        @Override
        public JsonDeserializer<?> modifyArrayDeserializer(DeserializationConfig config, ArrayType type,
                                                           BeanDescription bean, JsonDeserializer<?> deserializer) {
            return new RefusingAtTheEnd(deserializer);
        }

        @Override
        public JsonDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
                                                         BeanDescription bean, JsonDeserializer<?> deserializer) {
            return new RefusingAtTheEnd(deserializer);
        }
    };

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) throws IOException {
        // The parser stands on the field's value; when that opens an object or array, it is already inside it.
        JsonStreamContext holder = p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY
                ? p.getParsingContext().getParent() : p.getParsingContext();
        found(ctxt).add(JsonFields.at(holder));
        p.skipChildren();
        return true;
    }

    @SuppressWarnings("unchecked")
    private static List<String> found(DeserializationContext ctxt) {
        List<String> found = (List<String>) ctxt.getAttribute(FOUND);
        if (found == null) {
            found = new ArrayList<>();
            ctxt.setAttribute(FOUND, found);
        }
        return found;
    }

    private static final class RefusingAtTheEnd extends DelegatingDeserializer {

        RefusingAtTheEnd(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new RefusingAtTheEnd(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return refuseFoundAtTheEnd(p, ctxt, _delegatee.deserialize(p, ctxt));
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) throws IOException {
            return refuseFoundAtTheEnd(p, ctxt, ((JsonDeserializer<Object>) _delegatee).deserialize(p, ctxt, intoValue));
        }

        @Override
        public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer types)
                throws IOException {
            return refuseFoundAtTheEnd(p, ctxt, _delegatee.deserializeWithType(p, ctxt, types));
        }

        private static Object refuseFoundAtTheEnd(JsonParser p, DeserializationContext ctxt, Object value) {
            if (!p.getParsingContext().inRoot()) {
                return value;
            }
            List<String> found = found(ctxt);
            if (found.isEmpty()) {
                return value;
            }
            ProblemException refused = new ProblemException(ProblemType.VALIDATION, "problem.validation.detail");
            found.forEach(field -> refused.fieldText(field, "problem.validation.unknown-field"));
            throw refused;
        }
    }
}
