package io.greenribbon.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * How the API reads JSON request bodies: strictly. A field the request type does not have is refused (all of
 * them named, see {@link UnknownFields}) rather than silently ignored, so a misspelt field never looks saved;
 * and a value is never quietly bent into another: no fraction for a whole number, no number for an
 * enumeration, nothing after the document.
 *
 * <p>Only request bodies are read this way. The application's own {@link ObjectMapper} stays lenient, since
 * it reads what the service itself stored (sealed records) or what another replica sent, which may have
 * fields this version does not know.
 */
@Provider
public class RequestJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    public RequestJson(ObjectMapper mapper) {
        this.strict = mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .addHandler(new UnknownFields())
                .registerModule(new SimpleModule("refuse-unknown-fields").setDeserializerModifier(UnknownFields.REFUSE));
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }
}
