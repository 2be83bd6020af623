package io.greenribbon.http;

import io.greenribbon.problem.ExpectedValue;
import io.greenribbon.problem.ParameterNames;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Function;

/**
 * How the API reads the values of path, query and header parameters, for every endpoint: a value that cannot
 * be read as what the parameter is (a word for an id, a number beyond 64 bits, {@code maybe} for a boolean, a
 * constant the enumeration lacks, a date that is none) is a 400 problem naming the parameter, instead of the
 * framework's bare 404 (or, for a boolean, a silent {@code false}).
 */
@Provider
public class Parameters implements ParamConverterProvider {

    private static final Map<Class<?>, Function<String, Object>> READERS = Map.of(
            long.class, Long::parseLong, Long.class, Long::parseLong,
            int.class, Integer::parseInt, Integer.class, Integer::parseInt,
            boolean.class, Parameters::parsePrimitiveBoolean, Boolean.class, Parameters::parseBoolean,
            OffsetDateTime.class, OffsetDateTime::parse);

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = ParameterNames.of(annotations);
        Function<String, Object> reader = rawType.isEnum() ? value -> Enum.valueOf((Class<? extends Enum>) rawType, value)
                : READERS.get(rawType);
        if (name == null || reader == null) {
            return null;
        }
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return (T) reader.apply(value);
                } catch (RuntimeException e) {
                    throw ExpectedValue.of(rawType).at(name);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    /** {@code true} or {@code false} in any case; anything else is not a boolean (not a silent false). */
    private static Boolean parseBoolean(String value) {
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("not a boolean: " + value);
    }

    /** The framework stands in {@code 0} for any primitive parameter the request leaves out, a boolean's too. */
    private static Boolean parsePrimitiveBoolean(String value) {
        return "0".equals(value) ? Boolean.FALSE : parseBoolean(value);
    }
}
