package io.greenribbon.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is wrong with a submitted form, field by field, as message keys (or texts from the service): shown
 * next to each field and summarised at the top of the form.
 */
public final class FormErrors extends RuntimeException {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public FormErrors() {
        super(null, null, false, false);
    }

    public FormErrors add(String field, String messageKey) {
        byField.putIfAbsent(field, messageKey);
        return this;
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public Map<String, String> byField() {
        return byField;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String of(String field) {
        return byField.get(field);
    }
}
