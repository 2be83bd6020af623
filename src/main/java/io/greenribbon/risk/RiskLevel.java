package io.greenribbon.risk;

/**
 * Suicide risk, from the C-SSRS screener (none to high) and the counsellor's declaration of imminent risk
 * (an attempt in progress, or intent with plan and means at hand now). Ordered: a later constant is a
 * higher risk.
 */
public enum RiskLevel {
    NONE, LOW, MODERATE, HIGH, IMMINENT;

    public boolean atLeast(RiskLevel other) {
        return compareTo(other) >= 0;
    }

    public static RiskLevel max(RiskLevel a, RiskLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
