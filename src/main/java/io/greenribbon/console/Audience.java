package io.greenribbon.console;

import io.greenribbon.access.Actor;

import java.util.Collection;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which connected consoles a message is for: named accounts, or accounts holding one of {@code roles}
 * whose jurisdiction covers {@code division}. It is data, not code, so that every replica of the service
 * can apply it to the consoles connected to it.
 */
public record Audience(Set<String> usernames, Set<String> roles, String division) implements Predicate<Actor> {

    public Audience {
        usernames = usernames == null ? Set.of() : Set.copyOf(usernames);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** Exactly these accounts (for example the supervisors on duty for a division). */
    public static Audience users(Collection<String> usernames) {
        return new Audience(Set.copyOf(usernames), Set.of(), null);
    }

    /** Accounts with one of {@code roles} whose jurisdiction covers {@code division}. */
    public static Audience rolesGoverning(String division, String... roles) {
        return new Audience(Set.of(), Set.of(roles), division);
    }

    @Override
    public boolean test(Actor actor) {
        if (usernames.contains(actor.username())) {
            return true;
        }
        return !roles.isEmpty() && roles.stream().anyMatch(actor::hasRole)
                && (division == null || actor.governs(division));
    }
}
