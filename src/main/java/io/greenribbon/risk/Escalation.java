package io.greenribbon.risk;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What happens to a case because of its level and its clock: who is alerted and paged when it opens or
 * rises, the deadline to acknowledge it, the escalation from the division's supervisors to the county lead
 * to the city's clinical lead, and the first follow-up. Every step is an event on the case.
 */
@ApplicationScoped
class Escalation {

    private final RiskConfig config;
    private final DutyRoster roster;
    private final RiskAlerts alerts;
    private final DeadlineRepository deadlines;
    private final FollowUpRepository followUps;

    Escalation(RiskConfig config, DutyRoster roster, RiskAlerts alerts, DeadlineRepository deadlines,
               FollowUpRepository followUps) {
        this.config = config;
        this.roster = roster;
        this.alerts = alerts;
        this.deadlines = deadlines;
        this.followUps = followUps;
    }

    Duration acknowledgeWithin(RiskLevel level) {
        return level == RiskLevel.IMMINENT ? config.imminentAcknowledgeWithin() : config.acknowledgeWithin();
    }

    /** A case has just been opened (and persisted): name its supervisor, alert, page, set its clocks. */
    Uni<Void> opened(RiskTx tx, RiskCase c) {
        return alerts.event(tx, c, RiskCaseEvent.Kind.OPENED, "level=" + c.level)
                .chain(() -> roster.supervisors(c.division, tx.now()))
                .chain(onDuty -> {
                    c.supervisor = onDuty.isEmpty() ? null : onDuty.get(0).username;
                    Uni<Void> clocks = c.level.atLeast(RiskLevel.HIGH)
                            ? acknowledgeDeadline(tx, c, 0).chain(() -> firstFollowUp(tx, c)) : Uni.createFrom().voidItem();
                    return clocks.chain(() -> alertOnDuty(tx, c, onDuty, "OPENED"));
                });
    }

    /** The case's level rose (a later screening): imminent calls everyone on duty again, now. */
    Uni<Void> raised(RiskTx tx, RiskCase c, RiskLevel from) {
        Uni<Void> step = alerts.event(tx, c, RiskCaseEvent.Kind.LEVEL_RAISED, "from=" + from + ";to=" + c.level);
        if (c.level.atLeast(RiskLevel.HIGH) && !from.atLeast(RiskLevel.HIGH)) {
            step = step.chain(() -> firstFollowUp(tx, c));
        }
        if (c.acknowledgedAt == null && c.level.atLeast(RiskLevel.HIGH)) {
            step = step.chain(() -> acknowledgeDeadline(tx, c, 0));
        }
        return step.chain(() -> roster.supervisors(c.division, tx.now()))
                .chain(onDuty -> alertOnDuty(tx, c, onDuty, "LEVEL_RAISED"));
    }

    private Uni<Void> alertOnDuty(RiskTx tx, RiskCase c, List<RiskDuty> onDuty, String reason) {
        if (onDuty.isEmpty() && c.level.atLeast(RiskLevel.HIGH)) {
            // Nobody on shift for this division: go straight to the next step rather than wait.
            return alerts.event(tx, c, RiskCaseEvent.Kind.NO_ONE_ON_DUTY, "post=SUPERVISOR")
                    .chain(() -> escalate(tx, c, false));
        }
        if (c.level == RiskLevel.IMMINENT) {
            alerts.page(tx, c, onDuty);
        }
        return alerts.alert(tx, c, reason, usernames(onDuty));
    }

    /** Supervisors acknowledged the case: the escalation stops (pending deadlines find it acknowledged). */
    Uni<Void> acknowledged(RiskTx tx, RiskCase c) {
        c.acknowledgedAt = tx.now();
        c.acknowledgedBy = tx.actorName();
        c.supervisor = tx.actorName();
        return alerts.event(tx, c, RiskCaseEvent.Kind.ACKNOWLEDGED, "stage=" + c.stage);
    }

    /**
     * One step up: the county lead, then the city's clinical lead; past that, everyone in the chain is
     * alerted again. A post nobody holds is skipped; with nobody at all, every supervisor governing the case
     * is alerted.
     */
    Uni<Void> escalate(RiskTx tx, RiskCase c, boolean manual) {
        RiskCase.Stage from = c.stage;
        if (from == RiskCase.Stage.CLINICAL_LEAD) {
            return everyoneInTheChain(tx, c).chain(chain -> {
                alerts.page(tx, c, chain);
                return alerts.event(tx, c, RiskCaseEvent.Kind.REALERTED, "stage=" + c.stage + ";manual=" + manual)
                        .chain(() -> alerts.alert(tx, c, "REALERT", usernames(chain)));
            });
        }
        RiskCase.Stage to = from == RiskCase.Stage.SUPERVISORS ? RiskCase.Stage.COUNTY_LEAD : RiskCase.Stage.CLINICAL_LEAD;
        Uni<Optional<RiskDuty>> holder = to == RiskCase.Stage.COUNTY_LEAD
                ? roster.countyLead(c.division, tx.now()) : roster.clinicalLead(c.division, tx.now());
        return holder.chain(lead -> {
            c.stage = to;
            if (lead.isEmpty()) {
                Uni<Void> noOne = alerts.event(tx, c, RiskCaseEvent.Kind.NO_ONE_ON_DUTY, "post=" + to);
                return to == RiskCase.Stage.COUNTY_LEAD ? noOne.chain(() -> escalate(tx, c, manual))
                        : noOne.chain(() -> alerts.alert(tx, c, "ESCALATED", List.of()));
            }
            alerts.page(tx, c, List.of(lead.get()));
            return alerts.event(tx, c, RiskCaseEvent.Kind.ESCALATED, "stage=" + to + ";to=" + lead.get().username
                            + ";manual=" + manual)
                    .chain(() -> alerts.alert(tx, c, "ESCALATED", List.of(lead.get().username)));
        });
    }

    private Uni<List<RiskDuty>> everyoneInTheChain(RiskTx tx, RiskCase c) {
        return roster.supervisors(c.division, tx.now()).chain(supervisors -> roster.countyLead(c.division, tx.now())
                .chain(county -> roster.clinicalLead(c.division, tx.now()).map(clinical -> {
                    List<RiskDuty> all = new ArrayList<>(supervisors);
                    county.ifPresent(all::add);
                    clinical.ifPresent(all::add);
                    return all;
                })));
    }

    Uni<Void> acknowledgeDeadline(RiskTx tx, RiskCase c, int step) {
        return deadlines.persist(RiskDeadline.of(c.id, RiskDeadline.Kind.ACKNOWLEDGE, step, null,
                tx.now().plus(acknowledgeWithin(c.level)))).replaceWithVoid();
    }

    /** The first follow-up after a high-risk contact, unless the case already has an open one. */
    Uni<Void> firstFollowUp(RiskTx tx, RiskCase c) {
        return followUps.open(c.id).chain(open -> {
            if (open > 0) {
                return Uni.createFrom().voidItem();
            }
            FollowUp f = new FollowUp();
            f.caseId = c.id;
            f.windowOpensAt = tx.now().plus(config.firstFollowUpFrom());
            f.dueAt = tx.now().plus(config.firstFollowUpDue());
            f.maxAttempts = config.followUpAttempts();
            f.createdBy = tx.actorName();
            f.createdAt = tx.now();
            return followUps.persist(f)
                    .chain(saved -> deadlines.persist(RiskDeadline.of(c.id, RiskDeadline.Kind.FOLLOW_UP, 0, saved.id, saved.dueAt)))
                    .chain(() -> alerts.event(tx, c, RiskCaseEvent.Kind.FOLLOW_UP_SCHEDULED, "due=" + f.dueAt));
        });
    }

    static List<String> usernames(List<RiskDuty> duties) {
        Set<String> names = new LinkedHashSet<>();
        duties.forEach(d -> names.add(d.username));
        return List.copyOf(names);
    }
}
