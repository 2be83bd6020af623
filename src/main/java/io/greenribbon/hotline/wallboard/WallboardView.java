package io.greenribbon.hotline.wallboard;

import io.greenribbon.hotline.figures.CallFigures;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A division's wallboard: the call figures of its lines since local midnight ({@link CallFigures}, the
 * figures every report uses), what goes on now (line by line too), and the counsellors by what they do. Counts only: no caller and
 * no counsellor is named.
 */
@Schema(description = "The wallboard of a division: the call figures of its lines (and every line beneath it) since "
        + "local midnight, the calls going on now, and the signed-in counsellors by state. Counts only.")
public record WallboardView(
        @Schema(description = "The division whose lines (and every line beneath them) the board counts.")
        String division,
        @Schema(description = "Local midnight (greenribbon.hotline.time-zone): the figures count the calls that reached a "
                + "line since then.")
        OffsetDateTime from,
        @Schema(description = "When the board was read.")
        OffsetDateTime at,
        @Schema(description = "The call figures since local midnight.")
        CallFigures figures,
        @Schema(description = "Calls put through and not answered yet, now (whatever day they began).")
        long waitingNow,
        @Schema(description = "Calls a counsellor is talking on now (whatever day they began).")
        long talkingNow,
        @Schema(description = "Signed-in counsellors serving these lines, by what they do: ON_CALL (talking on a call, "
                + "whatever their state), else by state: AVAILABLE (free to take a call), PAUSED, WRAP_UP.")
        Map<String, Long> agents,
        @Schema(description = "Paused counsellors (not on a call) by pause reason.")
        Map<String, Long> pausedByReason,
        @Schema(description = "Each active line of the division and beneath it, most local first, with its calls in "
                + "progress.")
        List<Line> lines) {

    /** One line now. */
    @Schema(description = "One active line now: its callers waiting for an answer and its calls being answered.")
    public record Line(
            @Schema(description = "The line's number.")
            String number,
            @Schema(description = "The line's name.")
            String name,
            @Schema(description = "The division the line serves.")
            String division,
            @Schema(description = "Calls put through and not answered yet, now.")
            long waiting,
            @Schema(description = "When the caller who has waited longest was put through; null when nobody waits.",
                    nullable = true)
            OffsetDateTime waitingSince,
            @Schema(description = "Calls a counsellor is talking on now.")
            long talking) {
    }
}
