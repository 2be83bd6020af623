package io.greenribbon.risk;

import java.time.Instant;
import java.util.List;

/** What the API shows of cases. Lists carry no narrative and nothing that identifies the person. */
public final class CaseViews {

    private CaseViews() {
    }

    public record Summary(long id, String division, RiskLevel level, RiskCase.Status status, RiskCase.Stage stage,
                          String assignedCounsellor, String supervisor, Instant openedAt, Instant acknowledgedAt,
                          String acknowledgedBy, Instant closedAt) {

        static Summary of(RiskCase c) {
            return new Summary(c.id, c.division, c.level, c.status, c.stage, c.assignedCounsellor, c.supervisor,
                    c.openedAt, c.acknowledgedAt, c.acknowledgedBy, c.closedAt);
        }
    }

    /**
     * The whole case as one account may see it, with what that account may do with it now ({@code allowed},
     * from {@link CaseRules}) and the live call its person is on, if any.
     */
    public record Detail(Summary summary, String note, ScreeningRequest.Subject subject,
                         RiskCase.CloseReason closeReason, String closeNote, String closedBy,
                         List<Screening> screenings, List<Link> links, List<ReferralView> referrals,
                         List<FollowUpView> followUps, List<Event> timeline, List<Deadline> pending,
                         LiveCall liveCall, List<CaseRules.Allowed> allowed) {

        /** Whether the account may take {@code action} on the case itself. */
        public boolean allows(String action) {
            return allowed.stream().anyMatch(a -> a.action().name().equals(action) && a.target() == null);
        }

        /** Whether the account may take {@code action} on the case's referral or follow-up {@code target}. */
        public boolean allowsOn(String action, long target) {
            return allowed.stream().anyMatch(a -> a.action().name().equals(action) && a.target() != null
                    && a.target() == target);
        }
    }

    /** The call the case's person is on now: which contact, on which line, with which counsellor since when. */
    public record LiveCall(long contactId, String lineId, String counsellor, Instant answeredAt) {
    }

    /**
     * A case in a supervisor's inbox: the case, the latest alert about it ({@code lastAlert}, and whether it
     * named this account), the latest step that took it past someone who did not answer ({@code missed}: an
     * escalation, a re-alert, an unanswered page, no one on duty), whether it must ring ({@link RiskAlerts#urgent}),
     * and whether a counsellor's request to lower its level waits for a supervisor ({@code loweringPending}).
     */
    public record InboxEntry(Summary summary, Event lastAlert, boolean alertedYou, Event missed, boolean urgent,
                             boolean loweringPending) {
    }

    public record Screening(long id, Instant at, String by, Long contactId, Long sessionId, RiskLevel computedLevel,
                            RiskLevel requestedLevel, RiskLevel finalLevel, RiskScreening.Lowering lowering,
                            boolean imminent, RiskScreening.ImminentBasis imminentBasis, Cssrs.Answers answers,
                            String reason) {
    }

    public record Link(Long contactId, Long sessionId, Instant at, String by) {
    }

    public record ReferralView(long id, String service, Instant referredAt, String referredBy, List<String> shared,
                               String sharedNote, String reference, Referral.Outcome outcome, Instant outcomeAt,
                               String outcomeBy, String outcomeNote) {
    }

    public record FollowUpView(long id, Instant windowOpensAt, Instant dueAt, FollowUp.Status status, int attempts,
                               int maxAttempts, FollowUp.Outcome outcome, Instant completedAt, List<Attempt> attemptLog) {
    }

    public record Attempt(long id, Instant at, String by, FollowUpAttempt.Result result, FollowUpAttempt.Outcome outcome,
                          String note) {
    }

    public record Event(Instant at, RiskCaseEvent.Kind kind, String actor, String detail) {

        /** The detail's parts ({@code key=value;...}, codes and account names), in order. */
        public java.util.Map<String, String> parts() {
            java.util.Map<String, String> parts = new java.util.LinkedHashMap<>();
            if (detail != null) {
                for (String part : detail.split(";")) {
                    String[] kv = part.split("=", 2);
                    if (!kv[0].isBlank()) {
                        parts.put(kv[0], kv.length > 1 ? kv[1] : "");
                    }
                }
            }
            return parts;
        }

        /** One part of the detail, or null. */
        public String part(String key) {
            return parts().get(key);
        }
    }

    public record Deadline(RiskDeadline.Kind kind, int step, Instant dueAt) {
    }
}
