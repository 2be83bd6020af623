package io.greenribbon.hotline.figures;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The aid line's call figures as the API shows them (the wallboard now, reports later): the counts of
 * {@link CallMeasures} and the rates derived from them, each with its definition.
 */
@Schema(description = "Call figures of a division's lines over a period. Every call that reached a line has one fate; "
        + "received = offered + endedBeforeQueue + inGreeting, and offered = answered + answeredByBackup + abandoned "
        + "+ shortAbandoned + unanswered + waiting. Rates are shares of the answerable calls and lie within 0 to 1; "
        + "they are null when no call is answerable.")
public record CallFigures(
        @Schema(description = "Every call that reached a line.")
        long received,
        @Schema(description = "Calls put through to be answered: a queue (the county's or the city's), the caller's own "
                + "counsellor's phone, or the provincial backup line when no tier took the call.")
        long offered,
        @Schema(description = "Offered calls a counsellor answered (the county's or the city's queue, or the caller's own "
                + "counsellor), a transfer after the answer included.")
        long answered,
        @Schema(description = "Offered calls no counsellor answered and the provincial backup line did.")
        long answeredByBackup,
        @Schema(description = "Offered calls whose caller hung up before any answer, after the short-abandon time "
                + "(counted from when the call was put through).")
        long abandoned,
        @Schema(description = "Offered calls whose caller hung up within the short-abandon time "
                + "(greenribbon.hotline.short-abandon, 5 s): misdials and second thoughts, reported apart and left out "
                + "of the rates.")
        long shortAbandoned,
        @Schema(description = "Offered calls that ended unanswered without the caller hanging up first (even the backup "
                + "line did not answer).")
        long unanswered,
        @Schema(description = "Offered calls not answered yet and still going on.")
        long waiting,
        @Schema(description = "Calls that ended before being put through (the caller hung up during the notice or the "
                + "press-1 prompt). Not offered.")
        long endedBeforeQueue,
        @Schema(description = "Calls still in the notice or the press-1 prompt. Not offered yet.")
        long inGreeting,
        @Schema(description = "Answered calls taken in the line's own area: in the line's tier-1 queue (the county's on a "
                + "county line, the city's on the city line and 12356), or by the caller's own counsellor when that "
                + "counsellor belongs to the line's division.")
        long answeredInArea,
        @Schema(description = "Answered calls whose wait (from being put through to the answer) was at most "
                + "serviceLevelSeconds.")
        long answeredWithinServiceLevel,
        @Schema(description = "Calls raised for risk: the caller pressed 1, or has an open high-risk case.")
        long raisedForRisk,
        @Schema(description = "The base of the rates: answered + answeredByBackup + abandoned + unanswered (offered calls "
                + "whose fate is known, short abandons left out).")
        long answerable,
        @Schema(description = "Answer rate (接通率): answered / answerable.", minimum = "0", maximum = "1", nullable = true)
        Double answerRate,
        @Schema(description = "In-area answer rate: answeredInArea / answerable.", minimum = "0", maximum = "1", nullable = true)
        Double inAreaAnswerRate,
        @Schema(description = "Service level: answeredWithinServiceLevel / answerable (an abandoned or backup call counts "
                + "against it).", minimum = "0", maximum = "1", nullable = true)
        Double serviceLevel,
        @Schema(description = "Abandon rate: abandoned / answerable.", minimum = "0", maximum = "1", nullable = true)
        Double abandonRate,
        @Schema(description = "Average speed of answer in seconds: the mean wait of the answered calls whose wait is known "
                + "(not those the service learnt of only afterwards, from a reconciliation or the PBX's CDRs).", nullable = true)
        Double asaSeconds,
        @Schema(description = "Average handle time in seconds: the mean, over the answered calls that ended, of the talk "
                + "and the counsellor's wrap-up after it (from the call's end until the contact form was saved, the "
                + "wrap-up time ran out or the counsellor changed state; none when the counsellor was not available "
                + "when the call ended). Calls whose wrap-up still runs, or that the service learnt of only afterwards, "
                + "are left out.", nullable = true)
        Double averageHandleSeconds,
        @Schema(description = "The service-level threshold, in seconds (greenribbon.hotline.service-level-threshold).")
        int serviceLevelSeconds) {

    public static CallFigures of(CallMeasures m, int serviceLevelSeconds) {
        return new CallFigures(m.received(), m.offered(), m.answered(), m.answeredByBackup(), m.abandoned(),
                m.shortAbandoned(), m.unanswered(), m.waiting(), m.endedBeforeQueue(), m.inGreeting(),
                m.answeredInArea(), m.answeredWithinServiceLevel(), m.raisedForRisk(), m.answerable(), m.answerRate(),
                m.inAreaAnswerRate(), m.serviceLevel(), m.abandonRate(), m.asaSeconds(), m.averageHandleSeconds(),
                serviceLevelSeconds);
    }
}
