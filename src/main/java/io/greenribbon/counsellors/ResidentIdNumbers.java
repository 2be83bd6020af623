package io.greenribbon.counsellors;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Resident identity card numbers (GB 11643-1999): 17 digits, a birth date inside, and a check character. */
public final class ResidentIdNumbers {

    private static final Pattern SHAPE = Pattern.compile("^[0-9]{17}[0-9X]$");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ResidentIdNumbers() {
    }

    /** Upper-cases a trailing x, trims blanks; null for blank input. */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return raw.trim().toUpperCase(java.util.Locale.ROOT);
    }

    public static boolean isValid(String number) {
        if (number == null || !SHAPE.matcher(number).matches()) {
            return false;
        }
        try {
            LocalDate.parse(number.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return false;
        }
        return checkCharacter(number.substring(0, 17)) == number.charAt(17);
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Shows the region and the last two characters only: {@code 130104************3X}. */
    public static String masked(String number) {
        if (number == null) {
            return null;
        }
        return number.substring(0, 6) + "*".repeat(number.length() - 8) + number.substring(number.length() - 2);
    }
}
