package io.greenribbon.hotline.console;

import io.greenribbon.access.Permission;
import io.greenribbon.web.NavItem;
import io.greenribbon.web.NavSection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The counsellor's screens in the console's navigation. */
@ApplicationScoped
public class HotlineNav implements NavSection {

    @Override
    public List<NavItem> items() {
        return List.of(
                new NavItem(DeskPage.PATH, "nav.desk", Permission.HOTLINE_PRESENCE, 10),
                new NavItem(CallbackPage.PATH, "nav.callbacks", Permission.HOTLINE_CALLBACKS, 20),
                new NavItem(ContactPage.PATH, "nav.contacts", Permission.HOTLINE_CONTACTS_READ, 30),
                new NavItem(WeekPage.PATH, "nav.week", Permission.COUNSELLOR_CALENDAR_READ, 40),
                new NavItem(WallboardPage.PATH, "nav.wallboard", Permission.HOTLINE_WALLBOARD, 60));
    }
}
