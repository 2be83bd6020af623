package io.greenribbon.hotline;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenribbon.console.ConsoleClient;
import io.greenribbon.hotline.calls.HotlineEventListener;
import io.greenribbon.hotline.routing.RouteScript;
import io.greenribbon.telephony.PbxEvent;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import static io.greenribbon.hotline.Hotline.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The wallboard's figures for one county (Zhao county, used by no other test) and their live stream. */
@QuarkusTest
class WallboardTest {

    private static final String ZHAO_LINE = "031160130133";

    @Inject
    RouteScript route;
    @Inject
    HotlineEventListener listener;
    @Inject
    FakePbx pbx;
    @TestHTTPResource("/ws/console")
    URI console;

    @BeforeEach
    void reset() {
        Hotline.resetPresence();
        pbx.reset();
        Db.update("DELETE FROM hotline_callback WHERE division_code = '130133'");
        Db.update("DELETE FROM hotline_contact_event WHERE contact_id IN "
                + "(SELECT id FROM hotline_contact WHERE division_code = '130133')");
        Db.update("DELETE FROM hotline_contact WHERE division_code = '130133'");
    }

    private PbxEvents call(String caller) {
        String uid = "1795689200." + UUID.randomUUID().toString().substring(0, 8);
        route.handle(FakeCallSession.call(uid, ZHAO_LINE, caller));
        return new PbxEvents(uid, Instant.now());
    }

    private void deliver(PbxEvent... events) {
        for (PbxEvent e : events) {
            listener.on(e);
        }
    }

    @Test
    void figuresOfTheDayAndAgentsByStateWithoutIdentities() {
        Hotline.allowOnLine("counsellor1", "130133");
        Hotline.signIn("counsellor1", "AVAILABLE", null);
        PbxEvents fast = call("13911150001");
        deliver(fast.joined(5, "hl-130133"), fast.connected(15, "hl-130133", "counselor1", "counsellor1", 10, 2),
                fast.completed(75, "hl-130133", "counselor1", "counsellor1", 60, PbxEvent.CompletionReason.CALLER),
                fast.hungUp(75));
        PbxEvents slow = call("13911150002");
        deliver(slow.joined(5, "hl-130133"), slow.connected(45, "hl-1301", "counselor2", "counsellor2", 40, 3),
                slow.hungUp(100));
        PbxEvents gaveUp = call("13911150003");
        deliver(gaveUp.joined(5, "hl-130133"), gaveUp.abandoned(35, "hl-130133", 30), gaveUp.hungUp(35));
        PbxEvents misdial = call("13911150004");
        deliver(misdial.joined(5, "hl-130133"), misdial.abandoned(7, "hl-130133", 2), misdial.hungUp(7));
        PbxEvents waiting = call("13911150005");
        deliver(waiting.joined(5, "hl-130133"));

        String board = as("official1").queryParam("division", "130133").get("/api/hotline/wallboard")
                .then().statusCode(200)
                .body("division", equalTo("130133"))
                .body("offered", equalTo(5)).body("answered", equalTo(2)).body("abandoned", equalTo(1))
                .body("shortAbandoned", equalTo(1)).body("waitingNow", equalTo(1))
                // Rates leave the short abandon out: 2 answered of 4; in area (county queue) 1 of 4.
                .body("answerRate", equalTo(0.5f)).body("inAreaAnswerRate", equalTo(0.25f))
                // Waits of the answered: 10 s and 40 s; within 20 s: one.
                .body("asaSeconds", equalTo(25.0f)).body("serviceLevel", equalTo(0.25f))
                .body("agents.WRAP_UP", equalTo(1))
                .extract().asString();
        assertThat(board).doesNotContain("counsellor1").doesNotContain("1391115");

        as("counsellor2").queryParam("division", "130133").get("/api/hotline/wallboard").then().statusCode(403)
                .body("type", equalTo("urn:greenribbon:problem:out-of-jurisdiction"));
        as("staff1").get("/api/hotline/wallboard").then().statusCode(403);
        deliver(waiting.abandoned(60, "hl-130133", 55), waiting.hungUp(60));
    }

    @Test
    void theBoardIsPushedLiveToConsolesThatMaySeeIt() {
        URI ws = URI.create(console.toString().replaceFirst("^http", "ws"));
        try (ConsoleClient official = ConsoleClient.connect(ws, Tokens.of("official1"))) {
            official.next("console.ready", 10);
            PbxEvents c = call("13911150006");
            deliver(c.joined(5, "hl-130133"));
            boardOf(official, "130133", b -> b.path("waitingNow").asInt() == 1);
            deliver(c.abandoned(20, "hl-130133", 15), c.hungUp(20));
            JsonNode after = boardOf(official, "130133", b -> b.path("waitingNow").asInt() == 0);
            assertThat(after.path("abandoned").asInt()).isEqualTo(1);
            assertThat(after.path("offered").asInt()).isEqualTo(1);
        }
    }

    @Test
    void theCounsellorsConsoleLearnsWhichContactItAnsweredAndNobodyElseDoes() {
        URI ws = URI.create(console.toString().replaceFirst("^http", "ws"));
        Hotline.allowOnLine("counsellor1", "130133");
        Hotline.signIn("counsellor1", "AVAILABLE", null);
        try (ConsoleClient counsellor = ConsoleClient.connect(ws, Tokens.of("counsellor1"));
             ConsoleClient colleague = ConsoleClient.connect(ws, Tokens.of("counsellor2"))) {
            counsellor.next("console.ready", 10);
            colleague.next("console.ready", 10);
            PbxEvents c = call("13911150007");
            deliver(c.joined(5, "hl-130133"), c.connected(9, "hl-130133", "counselor1", "counsellor1", 4, 2));
            long id = (Long) Db.value("SELECT id FROM hotline_contact WHERE call_uniqueid = ?", c.uniqueId());
            JsonNode announced = counsellor.next("hotline.call", 10);
            assertThat(announced.path("payload").path("contactId").asLong()).isEqualTo(id);
            assertThat(announced.path("payload").size()).isEqualTo(1);
            deliver(c.hungUp(30));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> colleague.next("hotline.call", 3))
                    .isInstanceOf(AssertionError.class);
        }
    }

    /** The first board of {@code division} pushed that shows {@code state}. */
    private static JsonNode boardOf(ConsoleClient client, String division, java.util.function.Predicate<JsonNode> state) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode board = client.next("hotline.wallboard", 15).path("payload");
            if (division.equals(board.path("division").asText()) && state.test(board)) {
                return board;
            }
        }
        throw new AssertionError("No such wallboard for " + division);
    }
}
