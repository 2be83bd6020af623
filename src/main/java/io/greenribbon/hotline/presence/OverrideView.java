package io.greenribbon.hotline.presence;

import java.time.OffsetDateTime;

public record OverrideView(long id, String username, String lineDivision, OffsetDateTime validFrom,
                           OffsetDateTime validUntil, String reason, String grantedBy) {

    static OverrideView of(ShiftOverride o) {
        return new OverrideView(o.id, o.username, o.lineDivision, o.validFrom, o.validUntil, o.reason, o.grantedBy);
    }
}
