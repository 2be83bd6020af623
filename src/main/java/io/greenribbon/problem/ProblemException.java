package io.greenribbon.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
    private final List<FieldText> errors = new ArrayList<>();
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
        errors.add(new FieldText(field, null, message, null));
        return this;
    }

    /** Names a field with a message of {@code i18n/messages}, rendered in the caller's language. */
    public ProblemException fieldText(String field, String messageKey, Object... args) {
        errors.add(new FieldText(field, messageKey, null, args));
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

    /** The fields named, with their messages in the default language. */
    public List<FieldError> errors() {
        return errors(Messages.DEFAULT);
    }

    public List<FieldError> errors(Locale locale) {
        return errors.stream().map(error -> error.in(locale)).toList();
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** A field's message: literal, or a message key rendered when the problem is. */
    private record FieldText(String field, String key, String message, Object[] args) {
        FieldError in(Locale locale) {
            return new FieldError(field, key == null ? message : Messages.text(locale, key, args));
        }
    }
}
