package io.greenribbon.rooms;

import io.greenribbon.problem.Messages;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;

import java.util.Locale;

/**
 * Texts in the language the current request asks for (Accept-Language), for the field messages that
 * services put into problems; the default language outside a request.
 */
@RequestScoped
public class RequestTexts {

    private final Instance<HttpServerRequest> request;
    private Locale locale;

    public RequestTexts(Instance<HttpServerRequest> request) {
        this.request = request;
    }

    public String text(String key, Object... args) {
        return Messages.text(locale(), key, args);
    }

    public Locale locale() {
        if (locale == null) {
            locale = resolve();
        }
        return locale;
    }

    private Locale resolve() {
        try {
            String header = request.isResolvable() ? request.get().getHeader("Accept-Language") : null;
            if (header == null || header.isBlank()) {
                return Messages.DEFAULT;
            }
            return Messages.pick(Locale.LanguageRange.parse(header).stream()
                    .map(range -> Locale.forLanguageTag(range.getRange())).toList());
        } catch (RuntimeException e) {
            return Messages.DEFAULT;
        }
    }
}
