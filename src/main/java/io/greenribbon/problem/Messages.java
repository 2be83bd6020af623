package io.greenribbon.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The UI and error texts: Simplified Chinese by default, English on request ({@code i18n/messages}). */
public final class Messages {

    public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;
    private static final String BUNDLE = "i18n.messages";

    private Messages() {
    }

    /** The text for {@code key} in {@code locale}, or the key itself when the bundle has none. */
    public static String text(Locale locale, String key, Object... args) {
        if (key == null) {
            return null;
        }
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK).getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The best supported locale among those a client accepts, in its order of preference. */
    public static Locale pick(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            if ("en".equals(locale.getLanguage())) {
                return Locale.ENGLISH;
            }
            if ("zh".equals(locale.getLanguage())) {
                return DEFAULT;
            }
        }
        return DEFAULT;
    }

    /** Without a matching bundle, fall back to the base bundle (Chinese), not to the JVM's locale. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
