package io.greenribbon.oversight.console;

import io.greenribbon.access.Permission;
import io.greenribbon.web.NavItem;
import io.greenribbon.web.NavSection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The officials' screens in the console's navigation. */
@ApplicationScoped
public class OversightNav implements NavSection {

    @Override
    public List<NavItem> items() {
        return List.of(
                new NavItem(OversightPage.PATH, "nav.oversight", Permission.OVERSIGHT_READ, 70),
                new NavItem(OversightPage.PATH + "/report", "nav.oversight-report", Permission.OVERSIGHT_READ, 71));
    }
}
