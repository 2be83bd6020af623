package io.greenribbon.risk;

/**
 * What a screening gave: the computed level, the level the counsellor asked for, the level in force (the
 * computed one while a lowering waits for a supervisor), and the case it opened or joined.
 */
public record ScreeningResult(long screeningId, RiskLevel computedLevel, RiskLevel requestedLevel, RiskLevel finalLevel,
                              RiskScreening.Lowering lowering, Long caseId, boolean caseOpened) {

    static ScreeningResult of(RiskScreening s, boolean opened) {
        return new ScreeningResult(s.id, s.computedLevel, s.requestedLevel, s.finalLevel, s.lowering, s.caseId, opened);
    }
}
