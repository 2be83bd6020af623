package io.greenribbon.roster;

import io.greenribbon.counsellors.PoolFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The API the hotline uses to know who is on shift, called as from a foreign (non-Vert.x) thread. */
@QuarkusTest
class RosterServiceTest {

    @Inject
    RosterService roster;

    @Test
    void whoIsOnShiftAndForWhichLine() throws Throwable {
        String username = "hotline-probe-" + PoolFixtures.serial();
        long id = PoolFixtures.create(Map.of("fullName", "值班查询", "homeDivision", "130127", "kind", "COUNSELLOR",
                "username", username));
        long shift = RosterFixtures.shift(id, "130127", "2031-05-05T08:00", "2031-05-05T16:00");
        Instant tenAm = Instant.parse("2031-05-05T02:00:00Z");
        Instant fourPm = Instant.parse("2031-05-05T08:00:00Z");

        Optional<OnShift> now = VertxContextSupport.subscribeAndAwait(() -> roster.currentShift(id, tenAm));
        assertThat(now).get().satisfies(s -> {
            assertThat(s.shiftId()).isEqualTo(shift);
            assertThat(s.lineDivision()).isEqualTo("130127");
            assertThat(s.username()).isEqualTo(username);
        });
        assertThat(VertxContextSupport.subscribeAndAwait(() -> roster.currentShift(id, fourPm))).isEmpty();
        assertThat(VertxContextSupport.subscribeAndAwait(() -> roster.currentShiftOf(username, tenAm)))
                .get().extracting(OnShift::counsellorId).isEqualTo(id);
        List<OnShift> onLine = VertxContextSupport.subscribeAndAwait(() -> roster.onShift("130127", tenAm));
        assertThat(onLine).extracting(OnShift::counsellorId).containsExactly(id);
        assertThat(VertxContextSupport.subscribeAndAwait(() -> roster.onShift("130105", tenAm)))
                .extracting(OnShift::counsellorId).doesNotContain(id);
        assertThat(VertxContextSupport.subscribeAndAwait(() -> roster.onShiftWithin("1301", tenAm)))
                .extracting(OnShift::counsellorId).contains(id);
    }
}
