package io.greenribbon.web;

import io.greenribbon.access.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

/** The navigation an account sees: every feature's entries whose permission its roles hold. */
@ApplicationScoped
public class Navigation {

    private final List<NavItem> all;

    public Navigation(@Any Instance<NavSection> sections) {
        this.all = StreamSupport.stream(sections.spliterator(), false).flatMap(s -> s.items().stream())
                .sorted(Comparator.comparingInt(NavItem::order)).toList();
    }

    public List<NavItem> all() {
        return all;
    }

    public List<NavItem> of(Actor actor) {
        return all.stream().filter(item -> item.permission().grantedToAny(actor.roles())).toList();
    }

    /** Where an account lands after signing in: its first screen (null when it has none). */
    public String home(Actor actor) {
        List<NavItem> items = of(actor);
        return items.isEmpty() ? null : items.get(0).path();
    }
}
