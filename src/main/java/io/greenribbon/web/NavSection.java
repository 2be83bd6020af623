package io.greenribbon.web;

import java.util.List;

/**
 * A feature's entries in the console's navigation. Each {@code @ApplicationScoped} implementation is found
 * by CDI: a feature adds its screens by implementing this in its own package, without touching the layout.
 */
public interface NavSection {

    List<NavItem> items();
}
