package io.greenribbon.hotline;

import io.greenribbon.telephony.Pbx;
import io.greenribbon.telephony.ami.DispatcherAccess;
import io.greenribbon.telephony.peer.AsteriskPeer;
import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import io.greenribbon.testkit.TestPbx;
import io.greenribbon.testkit.Tokens;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Shared steps of the hotline tests, which run the aid line end to end: calls placed on the test PBX (the
 * Asterisk peer, running telephony/ at {@link TestPbx#SPEED} times real time) reach the service over
 * FastAGI and AMI, and the tests read what the service recorded and what Asterisk's queues hold.
 */
public final class Hotline {

    public static final String QIAOXI_LINE = "031160130104";
    public static final String XINHUA_LINE = "031160130105";
    public static final String CITY_LINE = "031160130100";
    public static final String CITY_12356 = "12356";
    public static final String QIAOXI_QUEUE = "hl-130104";
    public static final String XINHUA_QUEUE = "hl-130105";
    public static final String CITY_QUEUE = "hl-1301";
    /** How long to wait for what follows a call (real time). */
    public static final Duration SOON = Duration.ofSeconds(20);

    private static final List<String> PHONES = List.of("counselor1", "counselor2", "supervisor", "carrier");
    private static final List<PeerCall> CALLS = new CopyOnWriteArrayList<>();

    private Hotline() {
    }

    public static RequestSpecification as(String username) {
        return given().auth().oauth2(Tokens.of(username)).contentType(ContentType.JSON);
    }

    public static AsteriskPeer peer() {
        return TestPbx.get().peer;
    }

    /** A real-time span for a span of PBX time (the peer's clock runs faster). */
    public static Duration real(Duration pbxTime) {
        return Duration.ofNanos(peer().clock().realNanos(pbxTime));
    }

    /** Places a call on the test PBX; {@link #reset()} hangs it up if the test leaves it running. */
    public static PeerCall call(CallScript script) {
        PeerCall call = peer().call(script);
        CALLS.add(call);
        return call;
    }

    /**
     * The state every hotline test starts and ends in: no call in the PBX, every PBX event handled, everyone
     * offline with no overrides and off the roster right now (the demo roster has counsellor1 on 08-16
     * daily), no hotline queue member in Asterisk, every phone registered and answering by default.
     */
    public static void reset() {
        CALLS.forEach(PeerCall::hangUp);
        CALLS.clear();
        await().atMost(SOON).until(() -> peer().channels().isEmpty());
        for (String phone : PHONES) {
            peer().phone(phone).reset().registered(true).byDefault(Duration.ofSeconds(2), null);
        }
        await().atMost(SOON).until(() -> pbx().linkUp());
        DispatcherAccess.drain(SOON);
        resetPresence();
        // Commands the service was still sending (a wrap-up, a pause) may land after a first clean-up.
        await().atMost(SOON).pollInterval(Duration.ofMillis(200)).until(() -> removeHotlineMembers() == 0);
    }

    /** Everyone offline, no overrides, the demo accounts off the roster right now (database only). */
    public static void resetPresence() {
        Db.update("UPDATE roster_shift SET status = 'CANCELLED', cancel_reason = 'hotline test' WHERE status = 'SCHEDULED' "
                + "AND starts_at < now() + interval '1 hour' AND ends_at > now() - interval '5 minutes' AND counsellor_id IN "
                + "(SELECT id FROM counsellor WHERE username IN ('counsellor1', 'counsellor2', 'supervisor1'))");
        Db.update("UPDATE hotline_presence SET state = 'OFFLINE', pause_reason = NULL, queue_division = NULL, "
                + "wrap_up_until = NULL, wrap_up_contact_id = NULL, in_call_contact_id = NULL, signed_in_at = NULL");
        Db.update("TRUNCATE hotline_shift_override");
    }

    /** Removes every member of every hotline queue in Asterisk; how many there were. */
    private static int removeHotlineMembers() {
        List<Pbx.QueueMemberState> members = queueMembers();
        for (Pbx.QueueMemberState m : members) {
            pbx().queueRemove(m.queue(), m.memberInterface()).await().atMost(Duration.ofSeconds(5));
        }
        return members.size();
    }

    /**
     * Forgets every contact of a line division (with its timeline and callback): a test that counts one
     * county's calls, on a line no other test calls, starts from none.
     */
    public static void forgetContactsOf(String lineDivision) {
        Db.update("DELETE FROM hotline_callback WHERE division_code = ?", lineDivision);
        Db.update("DELETE FROM hotline_contact_event WHERE contact_id IN "
                + "(SELECT id FROM hotline_contact WHERE division_code = ?)", lineDivision);
        Db.update("DELETE FROM hotline_contact WHERE division_code = ?", lineDivision);
    }

    /** Closes contacts other tests left open, so that a reconciliation test sees only its own. */
    public static void closeOpenContacts() {
        Db.update("UPDATE hotline_contact SET status = 'CLOSED', ended_at = greatest(offered_at, now()), "
                + "outcome = coalesce(outcome, 'ABANDONED') WHERE status = 'OPEN'");
    }

    /** Lets {@code username} take calls on {@code lineDivision} for an hour, as a supervisor would. */
    public static void allowOnLine(String username, String lineDivision) {
        Db.update("INSERT INTO hotline_shift_override (username, line_division, valid_from, valid_until, reason, granted_by) "
                + "VALUES (?, ?, now() - interval '1 minute', now() + interval '1 hour', 'test', 'supervisor1')",
                username, lineDivision);
    }

    public static void signIn(String username, String state, String reason) {
        as(username).body(reason == null ? Map.of("state", state) : Map.of("state", state, "reason", reason))
                .put("/api/hotline/presence").then().statusCode(200);
    }

    /** Signs {@code username} in on {@code lineDivision}, available, and waits until Asterisk's queues have it. */
    public static void available(String username, String lineDivision, String phone) {
        allowOnLine(username, lineDivision);
        signIn(username, "AVAILABLE", null);
        await().atMost(SOON).until(() -> membersOf("PJSIP/" + phone).size() == queuesOf(lineDivision)
                && membersOf("PJSIP/" + phone).stream().noneMatch(Pbx.QueueMemberState::paused));
    }

    private static int queuesOf(String lineDivision) {
        return lineDivision.length() == 4 ? 1 : 2;
    }

    // ---- what the service recorded ----------------------------------------------------------------

    public static Optional<Map<String, Object>> findContact(String uniqueId) {
        List<Map<String, Object>> rows = Db.rows("SELECT * FROM hotline_contact WHERE call_uniqueid = ?", uniqueId);
        return rows.stream().findFirst();
    }

    public static Map<String, Object> contact(String uniqueId) {
        return findContact(uniqueId).orElseThrow(() -> new AssertionError("No contact for call " + uniqueId));
    }

    /** Waits until the call's contact exists and satisfies {@code condition}; returns it. */
    public static Map<String, Object> awaitContact(String uniqueId, Predicate<Map<String, Object>> condition) {
        return await().atMost(SOON).pollInterval(Duration.ofMillis(50))
                .until(() -> findContact(uniqueId).orElse(null), c -> c != null && condition.test(c));
    }

    /** Waits until the call's contact is closed; returns it. */
    public static Map<String, Object> awaitClosed(String uniqueId) {
        return awaitContact(uniqueId, c -> "CLOSED".equals(c.get("status")));
    }

    public static Map<String, Object> presence(String username) {
        return Db.row("SELECT * FROM hotline_presence WHERE username = ?", username);
    }

    /** Waits until the presence of {@code username} satisfies {@code condition}; returns it. */
    public static Map<String, Object> awaitPresence(String username, Predicate<Map<String, Object>> condition) {
        return await().atMost(SOON).pollInterval(Duration.ofMillis(50)).until(() -> presence(username), condition);
    }

    public static List<String> timeline(long contactId) {
        return Db.rows("SELECT kind FROM hotline_contact_event WHERE contact_id = ? ORDER BY occurred_at, id", contactId)
                .stream().map(r -> (String) r.get("kind")).toList();
    }

    // ---- what Asterisk holds ---------------------------------------------------------------------

    public static Pbx pbx() {
        return Arc.container().instance(Pbx.class).get();
    }

    /** Asterisk's hotline queues as QueueStatus reports them over AMI. */
    public static List<Pbx.QueueState> queues() {
        return pbx().queueStatus().await().atMost(Duration.ofSeconds(5)).stream()
                .filter(q -> q.name().startsWith("hl-")).toList();
    }

    public static Pbx.QueueState queue(String name) {
        return queues().stream().filter(q -> q.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No queue " + name));
    }

    public static List<Pbx.QueueMemberState> queueMembers() {
        return queues().stream().flatMap(q -> q.members().stream()).toList();
    }

    /** The queues a phone is a member of, as Asterisk reports them. */
    public static List<Pbx.QueueMemberState> membersOf(String memberInterface) {
        return queueMembers().stream().filter(m -> m.memberInterface().equals(memberInterface)).toList();
    }

    /** Waits until every membership of the phone satisfies {@code condition} (and there is at least one). */
    public static List<Pbx.QueueMemberState> awaitMembers(String memberInterface,
                                                         Predicate<Pbx.QueueMemberState> condition) {
        return await().atMost(SOON).pollInterval(Duration.ofMillis(100)).until(() -> membersOf(memberInterface),
                list -> !list.isEmpty() && list.stream().allMatch(condition));
    }
}
