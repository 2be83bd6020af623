package io.greenribbon.hotline;

import io.greenribbon.hotline.contacts.RiskReason;
import io.greenribbon.hotline.routing.CallFacts;
import io.greenribbon.hotline.routing.ContactOpener;
import io.greenribbon.hotline.routing.RouteDecision;
import io.greenribbon.hotline.routing.RoutingService;
import io.greenribbon.risk.HotlineCalls;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.greenribbon.hotline.Hotline.QIAOXI_LINE;
import static io.greenribbon.hotline.Hotline.XINHUA_LINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contacts of many calls at once: those waiting when a statement starts are opened together in one
 * statement, and each call still gets the decision it would get alone (its open case, its own counsellor,
 * repeat caller or not); a call the database refuses fails alone.
 */
@QuarkusTest
class ContactOpenerTest {

    @Inject
    ContactOpener opener;
    @Inject
    RoutingService routing;
    @Inject
    HotlineCalls calls;
    @Inject
    MeterRegistry meters;

    private final String run = Long.toString(System.nanoTime(), 36);

    @BeforeEach
    @AfterEach
    void reset() {
        Hotline.reset();
        Db.update("ALTER TABLE hotline_contact DROP CONSTRAINT IF EXISTS contact_opener_test_refuses");
    }

    @Test
    void callsArrivingTogetherAreOpenedTogetherAndEachIsDecidedAsAlone() throws Exception {
        // A caller with an open high-risk case (counsellor1's), and one counsellor2 answered before.
        String atRisk = HotlineCalls.newNumber();
        long screened = calls.answered("counsellor1", atRisk);
        Hotline.as("counsellor1").body(Map.of("contactId", screened, "answers", Map.of("wishedDead", true,
                        "suicidalThoughts", true, "thoughtOfMethod", true, "intent", true, "planAndIntent", false,
                        "suicidalBehaviour", false)))
                .post("/api/risk/screenings").then().statusCode(201);
        calls.hangUp(screened);
        String repeat = HotlineCalls.newNumber();
        calls.hangUp(calls.answered("counsellor2", "130105", "130105", repeat));
        Hotline.available("counsellor1", "130104", "counselor1");
        Hotline.available("counsellor2", "130105", "counselor2");
        double togetherBefore = together();

        // The calls to look at come last: by then the calls before them keep every opener busy, so they wait
        // and are opened together.
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 61; i++) {
            numbers.add(HotlineCalls.newNumber());
        }
        numbers.add(atRisk);
        numbers.add(repeat);
        numbers.add(null);
        List<CompletableFuture<RouteDecision>> decisions = submit(numbers);
        List<RouteDecision> decided = new ArrayList<>();
        for (CompletableFuture<RouteDecision> d : decisions) {
            decided.add(d.get(20, TimeUnit.SECONDS));
        }

        assertThat(together() - togetherBefore).as("calls were opened together").isGreaterThan(0);
        assertThat(decided).extracting(RouteDecision::contactId).doesNotHaveDuplicates();
        RouteDecision raised = decided.get(61);
        assertThat(raised.priority()).isEqualTo(10);
        assertThat(raised.riskReason()).contains(RiskReason.OPEN_CASE);
        assertThat(raised.preferredInterface()).contains("PJSIP/counselor1");
        assertThat(raised.repeatCaller()).isTrue();
        RouteDecision known = decided.get(62);
        assertThat(known.priority()).isZero();
        assertThat(known.repeatCaller()).isTrue();
        assertThat(known.ownCounsellor()).map(RouteDecision.Preferred::username).contains("counsellor2");
        assertThat(known.preferredInterface()).as("only a call at risk goes to its own counsellor first").isEmpty();
        for (int i = 0; i < decided.size(); i++) {
            if (i == 61 || i == 62) {
                continue;
            }
            assertThat(decided.get(i).priority()).isZero();
            assertThat(decided.get(i).repeatCaller()).isFalse();
            assertThat(decided.get(i).ownCounsellor()).isEmpty();
        }
        for (int i = 0; i < decided.size(); i++) {
            Map<String, Object> row = Hotline.contact(uniqueId(i));
            assertThat(row).containsEntry("id", decided.get(i).contactId()).containsEntry("source", "ROUTE")
                    .containsEntry("priority", decided.get(i).priority())
                    .containsEntry("caller_key", numbers.get(i) == null ? null : calls.callerKey(numbers.get(i)))
                    .containsEntry("line_id", i % 2 == 0 ? QIAOXI_LINE : XINHUA_LINE);
        }
        assertThat(Hotline.contact(uniqueId(61))).containsEntry("risk_reason", "OPEN_CASE")
                .containsEntry("preferred_username", "counsellor1");
    }

    @Test
    void aCallTheDatabaseRefusesFailsAloneAndTheOthersAreOpened() throws Exception {
        String refused = HotlineCalls.newNumber();
        Db.update("ALTER TABLE hotline_contact ADD CONSTRAINT contact_opener_test_refuses CHECK "
                + "(caller_key IS DISTINCT FROM '" + calls.callerKey(refused) + "') NOT VALID");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            numbers.add(i == 7 ? refused : HotlineCalls.newNumber());
        }
        List<CompletableFuture<RouteDecision>> decisions = submit(numbers);

        assertThatThrownBy(() -> decisions.get(7).get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("Could not open the contact");
        for (int i = 0; i < numbers.size(); i++) {
            if (i != 7) {
                assertThat(decisions.get(i).get(20, TimeUnit.SECONDS).contactId())
                        .isEqualTo(Hotline.contact(uniqueId(i)).get("id"));
            }
        }
        assertThat(Hotline.findContact(uniqueId(7))).isEmpty();
    }

    /** Hands all the calls over at once, as sessions arriving together do; even ones on Qiaoxi's line. */
    private List<CompletableFuture<RouteDecision>> submit(List<String> numbers) {
        List<CompletableFuture<RouteDecision>> decisions = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            CallFacts call = new CallFacts(uniqueId(i), i % 2 == 0 ? QIAOXI_LINE : XINHUA_LINE,
                    Optional.ofNullable(numbers.get(i)).flatMap(CallerNumbers::normalise), Optional.empty(), Instant.now());
            decisions.add(opener.open(call, routing.line(call)));
        }
        return decisions;
    }

    private String uniqueId(int i) {
        return "opener-" + run + "-" + i;
    }

    /** Contacts opened together so far (none before the opener's first call). */
    private double together() {
        return Optional.ofNullable(meters.find("greenribbon.route.opened-together").counter()).map(Counter::count).orElse(0.0);
    }
}
