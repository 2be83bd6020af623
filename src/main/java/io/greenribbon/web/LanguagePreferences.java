package io.greenribbon.web;

import io.greenribbon.problem.Messages;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * The language each user reads the console in: Simplified Chinese unless they chose English. The choice is
 * kept per account ({@code console_preference}) and carried in the cookie {@value #COOKIE}
 * ({@code <lang>:<username>}), so that a page needs no query; a cookie of another account (a shared desk)
 * is ignored and replaced from the account's own row.
 */
@ApplicationScoped
public class LanguagePreferences implements PanacheRepositoryBase<ConsolePreference, String> {

    public static final String COOKIE = "gr_lang";

    /** The language the cookie says for {@code username}, when it is that account's. */
    static Optional<Locale> fromCookie(String cookie, String username) {
        if (cookie == null) {
            return Optional.empty();
        }
        cookie = cookie.replace("\"", "");
        int colon = cookie.indexOf(':');
        if (colon < 0 || !cookie.substring(colon + 1).equals(username)) {
            return Optional.empty();
        }
        return Optional.of(of(cookie.substring(0, colon)));
    }

    static String cookieValue(Locale locale, String username) {
        return tag(locale) + ":" + username;
    }

    public Uni<Locale> stored(String username) {
        return Panache.withSession(() -> findById(username))
                .map(p -> p == null ? Messages.DEFAULT : of(p.language));
    }

    public Uni<Void> choose(String username, Locale locale) {
        return Panache.withTransaction(() -> findById(username).chain(p -> {
            ConsolePreference pref = p != null ? p : new ConsolePreference();
            pref.username = username;
            pref.language = tag(locale);
            pref.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return p != null ? Uni.createFrom().item(pref) : persist(pref);
        })).replaceWithVoid();
    }

    /** {@code en} for English, the default language for anything else. */
    public static Locale of(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Messages.DEFAULT;
    }

    static String tag(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
    }
}
