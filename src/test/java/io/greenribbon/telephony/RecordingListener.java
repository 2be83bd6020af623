package io.greenribbon.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Records every PbxEvent the service dispatches, with the thread it came on (tests). */
@ApplicationScoped
public class RecordingListener implements PbxEventListener {

    public record Seen(PbxEvent event, String thread) {
    }

    public static final List<Seen> events = new CopyOnWriteArrayList<>();

    @Override
    public void on(PbxEvent event) {
        events.add(new Seen(event, Thread.currentThread().getName()));
    }

    /** Waits for the first event of a type matching a condition. */
    public static <T extends PbxEvent> T await(Class<T> type, Predicate<T> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> first(type, condition), Optional::isPresent).get();
    }

    public static <T extends PbxEvent> Optional<T> first(Class<T> type, Predicate<T> condition) {
        return events.stream().map(Seen::event).filter(type::isInstance).map(type::cast).filter(condition).findFirst();
    }

    public static <T extends PbxEvent> List<T> all(Class<T> type, Predicate<T> condition) {
        return events.stream().map(Seen::event).filter(type::isInstance).map(type::cast).filter(condition).toList();
    }

    /** The events about one call (by Uniqueid or Linkedid), in order. */
    public static List<PbxEvent> ofCall(String uniqueId) {
        return events.stream().map(Seen::event)
                .filter(e -> e instanceof PbxEvent.CallEvent c && (uniqueId.equals(c.uniqueId()) || uniqueId.equals(c.linkedId()))
                        || e instanceof PbxEvent.CdrRecorded r && uniqueId.equals(r.uniqueId()))
                .toList();
    }
}
