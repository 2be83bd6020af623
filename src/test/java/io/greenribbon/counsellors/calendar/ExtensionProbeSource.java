package io.greenribbon.counsellors.calendar;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * A calendar source of another feature, as room bookings will add one: proves that entries arrive
 * without touching the calendar's code. It only speaks for pool members whose name marks them as probes.
 */
@ApplicationScoped
public class ExtensionProbeSource implements CalendarEntrySource {

    static final String MARK = "日历扩展";

    @Override
    public Uni<List<CalendarEntry>> entries(CalendarOwner owner, Instant from, Instant to, Locale locale) {
        if (!owner.fullName().startsWith(MARK)) {
            return Uni.createFrom().item(List.of());
        }
        Instant start = from.plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return Uni.createFrom().item(List.of(new CalendarEntry("probe-" + owner.counsellorId() + "@greenribbon",
                start, start.plus(50, ChronoUnit.MINUTES), "心理咨询室预约：东风社区, 一号室; 个体咨询",
                "第一行\n第二行", "石家庄市桥西区东风社区心理咨询室", CalendarEntry.Status.TENTATIVE, 2)));
    }
}
