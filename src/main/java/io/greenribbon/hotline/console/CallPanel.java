package io.greenribbon.hotline.console;

import io.greenribbon.hotline.contacts.CallerView;
import io.greenribbon.hotline.contacts.ContactView;
import io.greenribbon.risk.CallerCaseAccess;
import io.greenribbon.risk.SafetyPlanView;

/**
 * The screen-pop of the call the counsellor is on (or writing up): the contact, who is calling (earlier
 * contacts, an open risk case as far as this counsellor may know of it) and, when the counsellor may open
 * it (their case, or the glass broken), the case's safety plan.
 */
public record CallPanel(ContactView contact, CallerView caller, SafetyPlanView plan, boolean live) {

    public boolean restricted() {
        return caller.riskCase() != null && caller.riskCase().visibility() == CallerCaseAccess.Visibility.BREAK_GLASS_AVAILABLE;
    }

    public boolean glassBroken() {
        return caller.riskCase() != null && caller.riskCase().visibility() == CallerCaseAccess.Visibility.BREAK_GLASS_ACTIVE;
    }

    public boolean caseVisible() {
        return caller.riskCase() != null && caller.riskCase().visibility() == CallerCaseAccess.Visibility.FULL;
    }
}
