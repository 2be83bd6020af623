package io.greenribbon.web;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Whether an account's console plays the alarm sound of urgent alerts: on unless the account switched it
 * off, kept with the account ({@code console_preference}) on every device it signs in on.
 */
@ApplicationScoped
public class SoundPreferences implements PanacheRepositoryBase<ConsolePreference, String> {

    public Uni<Boolean> soundOn(String username) {
        return Panache.withSession(() -> findById(username)).map(p -> p == null || p.alertSound);
    }

    /** Switches the sound on or off; a first preference of the account keeps the language it reads in now. */
    public Uni<Boolean> choose(String username, boolean on, Locale reading) {
        return Panache.withTransaction(() -> findById(username).chain(p -> {
            ConsolePreference pref = p != null ? p : new ConsolePreference();
            pref.username = username;
            if (p == null) {
                pref.language = LanguagePreferences.tag(reading);
            }
            pref.alertSound = on;
            pref.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return p != null ? Uni.createFrom().item(pref) : persist(pref);
        })).replaceWith(on);
    }
}
