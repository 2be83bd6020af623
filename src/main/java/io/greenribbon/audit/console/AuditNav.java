package io.greenribbon.audit.console;

import io.greenribbon.access.Permission;
import io.greenribbon.web.NavItem;
import io.greenribbon.web.NavSection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The access review in the console's navigation, after the wallboard. */
@ApplicationScoped
public class AuditNav implements NavSection {

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem(AccessReviewPage.PATH, "nav.access-review", Permission.AUDIT_READ, 80));
    }
}
