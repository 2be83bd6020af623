package io.greenribbon.counsellors.calendar;

import io.greenribbon.counsellors.PoolFixtures;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class CounsellorCalendarTest {

    private static long idOf(String username) {
        return given().auth().oauth2(Tokens.of("admin1")).queryParam("q", "王梅").get("/api/counsellors")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(c -> username.equals(c.get("username"))).mapToLong(c -> ((Number) c.get("id")).longValue())
                .findFirst().orElseThrow();
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String value(VEvent event, String property) {
        return event.<Property>getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void aCounsellorsShiftsOpenInACalendarParser() throws Exception {
        long me = idOf("counsellor1");
        LocalDate inSixtyDays = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(60);
        long cancelled = ((Number) given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("counsellorId", me, "lineDivision", "1301", "start", inSixtyDays + "T20:00",
                        "end", inSixtyDays + "T23:00"))
                .post("/api/roster/shifts").then().statusCode(201).extract().path("id")).longValue();
        given().auth().oauth2(Tokens.of("admin1")).queryParam("reason", "培训, 调整; 备注")
                .delete("/api/roster/shifts/" + cancelled).then().statusCode(200);

        String ics = given().auth().oauth2(Tokens.of("counsellor1")).get("/api/counsellors/" + me + "/calendar.ics")
                .then().statusCode(200).contentType("text/calendar").extract().asString();
        assertThat(ics).contains("\r\n");
        Calendar calendar = parse(ics);
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSizeGreaterThanOrEqualTo(2);
        assertThat(events).filteredOn(e -> value(e, Property.STATUS).equals("CONFIRMED"))
                .filteredOn(e -> value(e, Property.UID).startsWith("shift-"))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(value(e, Property.SUMMARY)).isEqualTo("热线值班 · 石家庄市"));
        VEvent gone = events.stream().filter(e -> value(e, Property.UID).equals("shift-" + cancelled + "@greenribbon"))
                .findFirst().orElseThrow();
        assertThat(value(gone, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(gone, Property.DESCRIPTION)).isEqualTo("培训, 调整; 备注");
        assertThat(value(gone, Property.DTSTART)).isEqualTo(inSixtyDays.toString().replace("-", "") + "T120000Z");
    }

    @Test
    void otherFeaturesAddEntriesThroughTheExtensionPoint() throws Exception {
        long probe = PoolFixtures.create(Map.of("fullName", ExtensionProbeSource.MARK + PoolFixtures.serial(),
                "homeDivision", "130104", "kind", "COUNSELLOR"));
        String ics = given().auth().oauth2(Tokens.of("supervisor1")).get("/api/counsellors/" + probe + "/calendar.ics")
                .then().statusCode(200).extract().asString();
        List<VEvent> events = parse(ics).getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        VEvent booking = events.get(0);
        assertThat(value(booking, Property.UID)).isEqualTo("probe-" + probe + "@greenribbon");
        assertThat(value(booking, Property.SUMMARY)).isEqualTo("心理咨询室预约：东风社区, 一号室; 个体咨询");
        assertThat(value(booking, Property.DESCRIPTION)).isEqualTo("第一行\n第二行");
        assertThat(value(booking, Property.LOCATION)).isEqualTo("石家庄市桥西区东风社区心理咨询室");
        assertThat(ics.lines().mapToInt(l -> l.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).max()
                .orElse(0)).isLessThanOrEqualTo(75);
    }

    @Test
    void othersCalendarsAreClosedToColleaguesAndOfficials() {
        long me = idOf("counsellor1");
        given().auth().oauth2(Tokens.of("counsellor2")).get("/api/counsellors/" + me + "/calendar.ics")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("official1")).get("/api/counsellors/" + me + "/calendar.ics")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.of("admin1")).get("/api/counsellors/" + me + "/calendar.ics")
                .then().statusCode(200);
    }
}
