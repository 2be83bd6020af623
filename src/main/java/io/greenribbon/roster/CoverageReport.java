package io.greenribbon.roster;

import java.time.OffsetDateTime;
import java.util.List;

/** The hours below minimum staffing of the lines at or below {@code division}, from {@code from} to {@code to}. */
public record CoverageReport(String division, OffsetDateTime from, OffsetDateTime to, List<String> lines,
                             long hoursChecked, List<CoverageGap> gaps) {
}
