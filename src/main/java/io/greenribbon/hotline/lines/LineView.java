package io.greenribbon.hotline.lines;

/** A line as the API shows it, with the queues its calls go through. */
public record LineView(String id, String name, String divisionCode, boolean asksPressOne, String tier1Queue,
                       int tier1WaitSeconds, String tier2Queue, int tier2WaitSeconds, String backupNumber,
                       boolean forwarded12356, boolean active, int version) {

    static LineView of(HotlineLine line, LineConfig config) {
        return new LineView(line.id, line.name, line.divisionCode, line.asksPressOne, config.tier1Queue(),
                line.tier1WaitSeconds, config.tier2Queue(), line.tier2WaitSeconds, line.backupNumber,
                line.forwarded12356, line.active, line.version);
    }
}
