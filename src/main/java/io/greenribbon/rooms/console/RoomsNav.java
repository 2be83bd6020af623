package io.greenribbon.rooms.console;

import io.greenribbon.access.Permission;
import io.greenribbon.web.NavItem;
import io.greenribbon.web.NavSection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The room staff's screens in the console's navigation. */
@ApplicationScoped
public class RoomsNav implements NavSection {

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem(RoomWeekPage.PATH, "nav.rooms", Permission.BOOKINGS_WRITE, 100));
    }
}
