package io.greenribbon.rooms;

/**
 * Which counsellors can serve a room: those of the room's own county, and the city's own pool; when
 * cross-county bookings are allowed, any county of the room's city.
 */
public final class CounsellorReach {

    private CounsellorReach() {
    }

    public static boolean reaches(String counsellorHome, String roomDivision, boolean allowCrossCounty) {
        if (counsellorHome == null || roomDivision == null) {
            return false;
        }
        if (roomDivision.startsWith(counsellorHome)) {
            return true;
        }
        return allowCrossCounty && counsellorHome.length() >= 4 && roomDivision.length() >= 4
                && roomDivision.substring(0, 4).equals(counsellorHome.substring(0, 4));
    }

    /** The division prefix whose counsellors can serve a room: its county, or its city when allowed. */
    public static String poolPrefix(String roomDivision, boolean allowCrossCounty) {
        return roomDivision.substring(0, allowCrossCounty ? 4 : 6);
    }
}
