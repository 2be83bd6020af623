package io.greenribbon.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

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
        String pattern;
        try {
            pattern = BUNDLES.computeIfAbsent(locale, l -> ResourceBundle.getBundle(BUNDLE, l, NO_FALLBACK)).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        // A page formats hundreds of texts (a week's free slots each name their time): each pattern is parsed
        // once per language, and each use formats with a copy (a MessageFormat is not thread-safe).
        MessageFormat parsed = FORMATS.computeIfAbsent(new Key(locale, key), k -> new MessageFormat(pattern, locale));
        return ((MessageFormat) parsed.clone()).format(args);
    }

    private record Key(Locale locale, String key) {
    }

    /** The bundle of each language asked for (the JDK's own lookup costs more than the text it finds). */
    private static final Map<Locale, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    /** Parsed patterns by language and key: keys with arguments are the code's own, so this stays small. */
    private static final Map<Key, MessageFormat> FORMATS = new ConcurrentHashMap<>();

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
