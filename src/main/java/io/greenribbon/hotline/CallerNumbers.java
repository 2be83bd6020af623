package io.greenribbon.hotline;

import java.util.Optional;

/**
 * Caller numbers as carriers present them, brought to one form so that the same phone always gives the
 * same caller key: {@code +86 311 6666 8888}, {@code 008631166668888} and {@code 031166668888} are one
 * landline, {@code +8613812345678} and {@code 13812345678} one mobile.
 */
public final class CallerNumbers {

    private CallerNumbers() {
    }

    /**
     * The national form of a Chinese number ({@code 0311...} or {@code 138...}), {@code +<digits>} for a
     * foreign one, or empty when the number is withheld or unusable.
     */
    public static Optional<String> normalise(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        String trimmed = presented.trim();
        boolean international = trimmed.startsWith("+");
        String digits = trimmed.replaceAll("[\\s\\-().]", "");
        if (international) {
            digits = digits.substring(1);
        }
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        if (!international && digits.startsWith("00")) {
            international = true;
            digits = digits.substring(2);
        }
        if (international) {
            return digits.startsWith("86") ? national(digits.substring(2)) : plausible("+" + digits, 8);
        }
        if (digits.length() == 13 && digits.startsWith("861")) {
            return national(digits.substring(2));
        }
        return plausible(digits, 3);
    }

    private static Optional<String> national(String significant) {
        if (significant.startsWith("1") && significant.length() == 11) {
            return Optional.of(significant);
        }
        return plausible(significant.startsWith("0") ? significant : "0" + significant, 3);
    }

    private static Optional<String> plausible(String number, int minLength) {
        return number.length() >= minLength && number.length() <= 20 ? Optional.of(number) : Optional.empty();
    }
}
