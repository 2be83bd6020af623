package io.greenribbon.hotline.contacts;

/** Why a call was raised above everyone waiting. */
public enum RiskReason {
    /** The caller pressed 1 ("thinking of ending your life now"). */
    PRESSED_ONE,
    /** The caller has an open high-risk case. */
    OPEN_CASE
}
