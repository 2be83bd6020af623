package io.greenribbon.risk;

import io.greenribbon.access.Role;
import io.greenribbon.audit.AuditEntry;
import io.greenribbon.console.Audience;
import io.greenribbon.console.ConsoleBroadcaster;
import io.greenribbon.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that tells people about a case: console alerts (sent with the transaction's commit, over
 * {@code pg_notify}, to every replica) and phone pages (after the commit; their outcome recorded on the
 * case). An alert carries the case id, level, division, stage and reason: nothing that identifies the
 * person. A console that needs more reads the case through the API.
 */
@ApplicationScoped
class RiskAlerts {

    static final String TOPIC = "risk.alert";
    static final String CHANGED_TOPIC = "risk.case";

    private final ConsoleBroadcaster console;
    private final Instance<SupervisorPager> pager;
    private final CaseEventRepository events;
    private final RiskGate gate;
    private final DutyRoster roster;

    RiskAlerts(ConsoleBroadcaster console, Instance<SupervisorPager> pager, CaseEventRepository events, RiskGate gate,
               DutyRoster roster) {
        this.console = console;
        this.pager = pager;
        this.events = events;
        this.gate = gate;
        this.roster = roster;
    }

    /**
     * Alerts the supervisors on duty for the case, and {@code also} (the case's counsellor or supervisor,
     * when they need to know too); with nobody on duty, every supervisor governing the case.
     */
    Uni<Void> alertOnDuty(RiskTx tx, RiskCase c, String reason, String... also) {
        return roster.supervisors(c.division, tx.now()).chain(onDuty -> {
            List<String> to = new java.util.ArrayList<>(Escalation.usernames(onDuty));
            for (String extra : also) {
                if (extra != null && !to.isEmpty() && !to.contains(extra)) {
                    to.add(extra);
                }
            }
            return alert(tx, c, reason, to);
        });
    }

    /**
     * Alerts {@code usernames} about the case; with nobody named, every risk supervisor whose jurisdiction
     * covers the case (no one must be left unalerted).
     */
    Uni<Void> alert(RiskTx tx, RiskCase c, String reason, Collection<String> usernames) {
        Audience audience = usernames.isEmpty() ? Audience.rolesGoverning(c.division, Role.RISK_SUPERVISOR)
                : Audience.users(usernames);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("caseId", c.id);
        payload.put("level", c.level);
        payload.put("division", c.division);
        payload.put("stage", c.stage);
        payload.put("reason", reason);
        payload.put("acknowledged", c.acknowledgedAt != null);
        payload.put("urgent", urgent(c) || RINGS_ALWAYS.contains(reason));
        return notify(tx, console.notification(TOPIC, payload, audience))
                .chain(() -> event(tx, c, RiskCaseEvent.Kind.ALERTED, "reason=" + reason + ";to="
                        + (usernames.isEmpty() ? "role:" + Role.RISK_SUPERVISOR : String.join(",", usernames))));
    }

    /**
     * Whether the case must ring on the consoles it reaches (a sound, the title flashing) and head the
     * inbox: nobody has acknowledged it yet, and it is imminent or has gone past the division's supervisors.
     */
    static boolean urgent(RiskCase c) {
        return c.open() && c.acknowledgedAt == null
                && (c.level == RiskLevel.IMMINENT || c.stage != RiskCase.Stage.SUPERVISORS);
    }

    /** Alerts that ring whatever the case's state: the emergency services did not find the person. */
    private static final java.util.Set<String> RINGS_ALWAYS = java.util.Set.of("REFERRAL_NOT_REACHED");

    /**
     * Tells the consoles of the supervisors governing the case that it changed (acknowledged, referred,
     * closed), so that their inboxes and case pages show it at once; sent with the transaction's commit.
     */
    Uni<Void> changed(RiskTx tx, RiskCase c) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("caseId", c.id);
        payload.put("status", c.status);
        payload.put("acknowledged", c.acknowledgedAt != null);
        return notify(tx, console.notification(CHANGED_TOPIC, payload,
                Audience.rolesGoverning(c.division, Role.RISK_SUPERVISOR)));
    }

    /** Sends a console message with the transaction's commit (and not at all if it rolls back). */
    private Uni<Void> notify(RiskTx tx, String notification) {
        return tx.session().createNativeQuery("SELECT 1 FROM pg_notify(:channel, :payload)")
                .setParameter("channel", console.channel())
                .setParameter("payload", notification)
                .getSingleResult()
                .replaceWithVoid();
    }

    /** Rings the phones of {@code targets} once the transaction has committed. */
    void page(RiskTx tx, RiskCase c, List<RiskDuty> targets) {
        long caseId = c.id;
        String division = c.division;
        RiskLevel level = c.level;
        for (RiskDuty target : targets) {
            if (target.extension == null) {
                continue;
            }
            tx.afterCommit(() -> call(new SupervisorPager.Page(target.username, target.extension, caseId, level,
                            target.division))
                    .map(callId -> "to=" + target.username + ";call=" + callId)
                    .onItem().transformToUni(detail -> record(caseId, division, RiskCaseEvent.Kind.PAGED, detail))
                    .onFailure().recoverWithUni(failure -> record(caseId, division, RiskCaseEvent.Kind.PAGE_FAILED,
                            "to=" + target.username + ";problem=" + problemOf(failure))));
        }
    }

    private Uni<String> call(SupervisorPager.Page page) {
        if (!pager.isResolvable()) {
            return Uni.createFrom().failure(new IllegalStateException("no-telephony"));
        }
        return pager.get().page(page);
    }

    static String problemOf(Throwable failure) {
        return failure instanceof ProblemException p ? p.type().id() : failure.getClass().getSimpleName();
    }

    private Uni<Void> record(long caseId, String division, RiskCaseEvent.Kind kind, String detail) {
        return gate.asSystem("pager", tx -> {
            tx.audit(AuditEntry.system(tx.now(), "pager", "risk.case.page", "risk_case", caseId, division,
                    "ESCALATION", kind.name()));
            return events.persist(RiskCaseEvent.of(caseId, tx.now(), kind, tx.actorName(), detail)).replaceWithVoid();
        });
    }

    Uni<Void> event(RiskTx tx, RiskCase c, RiskCaseEvent.Kind kind, String detail) {
        return events.persist(RiskCaseEvent.of(c.id, tx.now(), kind, tx.actorName(), detail)).replaceWithVoid();
    }
}
