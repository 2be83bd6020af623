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

    public record Detail(Summary summary, String note, ScreeningRequest.Subject subject,
                         RiskCase.CloseReason closeReason, String closeNote, String closedBy,
                         List<Screening> screenings, List<Link> links, List<ReferralView> referrals,
                         List<FollowUpView> followUps, List<Event> timeline, List<Deadline> pending) {
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
    }

    public record Deadline(RiskDeadline.Kind kind, int step, Instant dueAt) {
    }
}
