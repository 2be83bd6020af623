package io.greenribbon.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the API reports as a problem document. Services throw it (or fail a {@code Uni} with it);
 * the detail is a message key of {@code i18n/messages} with its arguments, so it is rendered in the
 * caller's language.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final String detailKey;
    private final Object[] detailArgs;
    private final List<FieldError> errors = new ArrayList<>();
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(ProblemType type, String detailKey, Object... detailArgs) {
        super(type.id() + (detailKey == null ? "" : ": " + detailKey));
        this.type = type;
        this.detailKey = detailKey;
        this.detailArgs = detailArgs;
    }

    public static ProblemException notFound(String detailKey, Object... args) {
        return new ProblemException(ProblemType.NOT_FOUND, detailKey, args);
    }

    public static ProblemException forbidden(String detailKey, Object... args) {
        return new ProblemException(ProblemType.FORBIDDEN, detailKey, args);
    }

    public static ProblemException outOfJurisdiction(String divisionCode) {
        return new ProblemException(ProblemType.OUT_OF_JURISDICTION, "problem.out-of-jurisdiction.detail",
                divisionCode);
    }

    public static ProblemException conflict(String detailKey, Object... args) {
        return new ProblemException(ProblemType.CONFLICT, detailKey, args);
    }

    /** A validation failure naming one field; add more with {@link #field}. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "problem.validation.detail").field(field, message);
    }

    public ProblemException field(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public ProblemException with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public ProblemType type() {
        return type;
    }

    public String detailKey() {
        return detailKey;
    }

    public Object[] detailArgs() {
        return detailArgs;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
