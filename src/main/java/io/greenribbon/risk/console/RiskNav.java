package io.greenribbon.risk.console;

import io.greenribbon.access.Permission;
import io.greenribbon.web.NavItem;
import io.greenribbon.web.NavSection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The risk supervisor's screens in the console's navigation: the alert inbox first, then the reviews. */
@ApplicationScoped
public class RiskNav implements NavSection {

    @Override
    public List<NavItem> items() {
        return List.of(
                new NavItem(CasePage.PATH, "nav.cases", Permission.RISK_CASE_SUPERVISE, 2),
                new NavItem(ReviewPage.PATH, "nav.reviews", Permission.RISK_CASE_SUPERVISE, 4));
    }
}
