package io.greenribbon.hotline;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenribbon.console.ConsoleClient;
import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.function.Predicate;

import static io.greenribbon.hotline.Hotline.SOON;
import static io.greenribbon.hotline.Hotline.as;
import static io.greenribbon.hotline.Hotline.awaitClosed;
import static io.greenribbon.hotline.Hotline.awaitContact;
import static io.greenribbon.hotline.Hotline.awaitMembers;
import static io.greenribbon.hotline.Hotline.awaitPresence;
import static io.greenribbon.hotline.Hotline.call;
import static io.greenribbon.hotline.Hotline.peer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * The wallboard's figures for one county (Zhao county, whose line no other test calls) from calls placed on
 * the test PBX, and their live stream to the consoles that may see them.
 */
@QuarkusTest
class WallboardTest {

    private static final String ZHAO_LINE = "031160130133";
    private static final String ZHAO = "130133";

    @TestHTTPResource("/ws/console")
    URI console;

    @BeforeEach
    @AfterEach
    void reset() {
        Hotline.reset();
        Hotline.forgetContactsOf(ZHAO);
    }

    private static PeerCall zhao(CallScript script) {
        return call(script.to(ZHAO_LINE));
    }

    @Test
    void figuresOfTheDayAndAgentsByStateWithoutIdentities() {
        Hotline.available("counsellor1", ZHAO, "counselor1");
        Hotline.available("counsellor2", "130105", "counselor2");
        // Answered in Zhao's own queue after 10 s of ringing; still talking while the board is read.
        peer().phone("counselor1").answersAfter(Duration.ofSeconds(10));
        PeerCall fast = zhao(CallScript.from("13911150001").talksFor(Duration.ofSeconds(900)));
        awaitContact(fast.uniqueId(), c -> c.get("answered_at") != null);

        // counsellor1 is busy: the next caller waits out Zhao's 30 s, and the city (counsellor2) answers.
        peer().phone("counselor2").answersAfter(Duration.ofSeconds(2));
        PeerCall slow = zhao(CallScript.from("13911150002").talksFor(Duration.ofSeconds(10)));
        assertThat(slow.awaitEnd(SOON)).isTrue();
        assertThat(awaitClosed(slow.uniqueId())).containsEntry("answered_via", "TIER2");
        awaitPresence("counsellor2", p -> "WRAP_UP".equals(p.get("state")));
        awaitMembers("PJSIP/counselor2", m -> m.paused());

        PeerCall gaveUp = zhao(CallScript.from("13911150003").waitsInQueueFor(Duration.ofSeconds(20)));
        PeerCall misdial = zhao(CallScript.from("13911150004").waitsInQueueFor(Duration.ofSeconds(2)));
        assertThat(gaveUp.awaitEnd(SOON)).isTrue();
        assertThat(misdial.awaitEnd(SOON)).isTrue();
        awaitClosed(gaveUp.uniqueId());
        awaitClosed(misdial.uniqueId());
        PeerCall waiting = zhao(CallScript.from("13911150005").talksFor(Duration.ofSeconds(60)));
        awaitContact(waiting.uniqueId(), c -> c.get("queued_at") != null);

        String board = as("official1").queryParam("division", ZHAO).get("/api/hotline/wallboard")
                .then().statusCode(200)
                .body("division", equalTo(ZHAO))
                .body("figures.received", equalTo(5)).body("figures.offered", equalTo(5))
                .body("figures.answered", equalTo(2)).body("figures.abandoned", equalTo(1))
                .body("figures.shortAbandoned", equalTo(1)).body("figures.waiting", equalTo(1))
                .body("figures.answeredByBackup", equalTo(0)).body("figures.unanswered", equalTo(0))
                .body("waitingNow", equalTo(1)).body("talkingNow", equalTo(1))
                // Rates leave out the short abandon and the caller still waiting: 2 answered of 3 answerable; in
                // area (Zhao's own queue) 1 of 3.
                .body("figures.answerable", equalTo(3))
                .body("figures.answerRate", equalTo(0.6667f)).body("figures.inAreaAnswerRate", equalTo(0.3333f))
                .body("figures.abandonRate", equalTo(0.3333f))
                // Waits of the answered: about 10 s and 32 s; within 20 s: one of 3.
                .body("figures.asaSeconds", allOf(greaterThanOrEqualTo(18.0f), lessThanOrEqualTo(24.0f)))
                .body("figures.serviceLevel", equalTo(0.3333f)).body("figures.serviceLevelSeconds", equalTo(20))
                // counsellor1 talks on the first call: on a call, not free to take the next one.
                .body("agents.ON_CALL", equalTo(1)).body("agents.AVAILABLE", org.hamcrest.Matchers.nullValue())
                // Zhao's one line: the caller waiting since being put through, the call being answered.
                .body("lines.number", org.hamcrest.Matchers.contains(ZHAO_LINE))
                .body("lines[0].waiting", equalTo(1)).body("lines[0].talking", equalTo(1))
                .body("lines[0].waitingSince", org.hamcrest.Matchers.notNullValue())
                .extract().asString();
        assertThat(board).doesNotContain("counsellor1").doesNotContain("1391115");

        as("counsellor2").queryParam("division", ZHAO).get("/api/hotline/wallboard").then().statusCode(403)
                .body("type", equalTo("urn:greenribbon:problem:out-of-jurisdiction"));
        as("staff1").get("/api/hotline/wallboard").then().statusCode(403);
    }

    @Test
    void theBoardIsPushedLiveToConsolesThatMaySeeIt() {
        URI ws = URI.create(console.toString().replaceFirst("^http", "ws"));
        Hotline.available("counsellor1", ZHAO, "counselor1");
        peer().phone("counselor1").answersAfter(Duration.ofSeconds(1));
        try (ConsoleClient official = ConsoleClient.connect(ws, Tokens.of("official1"))) {
            official.next("console.ready", 10);
            PeerCall talking = zhao(CallScript.from("13911150006").talksFor(Duration.ofSeconds(900)));
            awaitContact(talking.uniqueId(), c -> c.get("answered_at") != null);
            // counsellor1 is busy: this caller waits (Zhao's queue, then the city's) and gives up after 100 s.
            PeerCall waiting = zhao(CallScript.from("13911150007").waitsInQueueFor(Duration.ofSeconds(100)));
            boardOf(official, b -> b.path("waitingNow").asInt() == 1);
            assertThat(waiting.awaitEnd(SOON)).isTrue();
            JsonNode after = boardOf(official, b -> b.path("waitingNow").asInt() == 0
                    && b.path("figures").path("abandoned").asInt() == 1);
            assertThat(after.path("figures").path("offered").asInt()).isEqualTo(2);
            assertThat(after.path("talkingNow").asInt()).isEqualTo(1);
        }
    }

    @Test
    void theCounsellorsConsoleLearnsWhichContactItAnsweredAndNobodyElseDoes() {
        URI ws = URI.create(console.toString().replaceFirst("^http", "ws"));
        Hotline.available("counsellor1", ZHAO, "counselor1");
        peer().phone("counselor1").answersAfter(Duration.ofSeconds(4));
        try (ConsoleClient counsellor = ConsoleClient.connect(ws, Tokens.of("counsellor1"));
             ConsoleClient colleague = ConsoleClient.connect(ws, Tokens.of("counsellor2"))) {
            counsellor.next("console.ready", 10);
            colleague.next("console.ready", 10);
            PeerCall call = zhao(CallScript.from("13911150008").talksFor(Duration.ofSeconds(30)));
            long id = (Long) awaitContact(call.uniqueId(), c -> c.get("answered_at") != null).get("id");
            JsonNode announced = counsellor.next("hotline.call", 10);
            assertThat(announced.path("payload").path("contactId").asLong()).isEqualTo(id);
            assertThat(announced.path("payload").size()).isEqualTo(1);
            assertThat(call.awaitEnd(SOON)).isTrue();
            assertThatThrownBy(() -> colleague.next("hotline.call", 3)).isInstanceOf(AssertionError.class);
        }
    }

    /** Every figure the board shows is defined in the API's description of it. */
    @Test
    void everyFigureIsDefinedInTheApiDescription() throws Exception {
        JsonNode schemas = new com.fasterxml.jackson.databind.ObjectMapper().readTree(io.restassured.RestAssured.given()
                .queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString())
                .path("components").path("schemas");
        JsonNode figures = schemas.path("CallFigures").path("properties");
        assertThat(figures.size()).isEqualTo(io.greenribbon.hotline.figures.CallFigures.class.getRecordComponents().length);
        figures.fields().forEachRemaining(f -> assertThat(f.getValue().path("description").asText())
                .as(f.getKey()).isNotBlank());
        assertThat(figures.path("answerRate").path("description").asText()).contains("answered / answerable");
        assertThat(figures.path("answerRate").path("maximum").asDouble()).isEqualTo(1.0);
        schemas.path("WallboardView").path("properties").fields().forEachRemaining(f -> assertThat(
                f.getValue().path("description").asText()).as(f.getKey()).isNotBlank());
    }

    /** The first board of Zhao pushed that shows {@code state}. */
    private static JsonNode boardOf(ConsoleClient client, Predicate<JsonNode> state) {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode board = client.next("hotline.wallboard", 20).path("payload");
            if (ZHAO.equals(board.path("division").asText()) && state.test(board)) {
                return board;
            }
        }
        throw new AssertionError("No such wallboard for " + ZHAO);
    }
}
