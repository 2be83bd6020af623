package io.greenribbon.hotline.routing;

import io.greenribbon.hotline.contacts.RiskReason;
import io.greenribbon.hotline.lines.LineConfig;

import java.util.Optional;

/**
 * Where a call goes. {@code preferredInterface} rings first when set; {@code ownCounsellorInterface} is the
 * caller's own counsellor, free now, to prefer should the caller press 1.
 */
public record RouteDecision(long contactId, LineConfig line, int priority, Optional<RiskReason> riskReason,
                            Optional<String> preferredInterface, Optional<Preferred> ownCounsellor,
                            boolean repeatCaller) {

    /** A counsellor who is free now: the account and its phone. */
    public record Preferred(String username, String memberInterface) {
    }

    public boolean raised() {
        return riskReason.isPresent();
    }

    RouteDecision raisedFor(RiskReason reason, int raisedPriority) {
        return new RouteDecision(contactId, line, Math.max(priority, raisedPriority), Optional.of(reason),
                ownCounsellor.map(Preferred::memberInterface), ownCounsellor, repeatCaller);
    }
}
