package io.greenribbon.rooms;

import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/** The room CSV import: all or nothing, every error with its line and column, idempotent. */
@QuarkusTest
class RoomImportTest {

    private static io.restassured.response.ValidatableResponse upload(String csv) {
        return given().auth().oauth2(Tokens.of("admin1")).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/rooms/import").then();
    }

    @Test
    void importingTheSameFileTwiceChangesNothingTheSecondTime() {
        String tag = Long.toString(System.nanoTime(), 36);
        String csv = """
                division,name,address,capacity,step_free,facilities,weekly_hours,staff
                130104001003,东风社区咨询室%1$s,"东风路 1 号, 二楼",6,true,PRIVATE;SOUNDPROOF,MON-FRI 08:30-12:00 14:00-17:30,staff1
                130104001004,建设社区咨询室%1$s,建设街 8 号,4,false,PRIVATE,"MON,WED 09:00-12:00; SAT 09:00-11:00",
                """.formatted(tag);
        upload(csv).statusCode(200)
                .body("created", equalTo(2)).body("updated", equalTo(0)).body("unchanged", equalTo(0))
                .body("lines.line", contains(2, 3));
        upload(csv).statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2));
        assertThat(RoomFixtures.count("SELECT count(*) FROM room WHERE name LIKE ?", "%咨询室" + tag)).isEqualTo(2);
        assertThat(RoomFixtures.count("""
                SELECT count(*) FROM room_weekly_hours h JOIN room r ON r.id = h.room_id
                WHERE r.name = ?""", "东风社区咨询室" + tag)).isEqualTo(10);
        upload(csv.replace(",6,true,", ",8,true,")).statusCode(200)
                .body("updated", equalTo(1)).body("unchanged", equalTo(1)).body("lines.outcome", contains("UPDATED", "UNCHANGED"));
    }

    @Test
    void anyBadLineRejectsTheWholeFileNamingLineAndColumn() {
        String tag = Long.toString(System.nanoTime(), 36);
        String csv = """
                division,name,address,capacity,weekly_hours
                130104001005,好的咨询室%1$s,地址,4,MON 09:00-12:00
                130104001006,坏容量%1$s,地址,lots,MON 09:00-12:00
                1301,坏区划%1$s,地址,4,MON 09:00-12:00
                130104999999,没有的村%1$s,地址,4,MON 09:00-12:00
                130104001007,坏时间%1$s,地址,4,MON 12:00-09:00
                130104001005,好的咨询室%1$s,地址,4,MON 09:00-12:00
                """.formatted(tag);
        upload(csv).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:greenribbon:problem:validation"))
                .body("errors.field", containsInAnyOrder("lines[3].capacity", "lines[4].division", "lines[5].division",
                        "lines[6].weeklyHours[0].closes", "lines[7].name"));
        assertThat(RoomFixtures.count("SELECT count(*) FROM room WHERE name LIKE ?", "%" + tag)).isZero();
    }

    @Test
    void aBadHeaderIsRefused() {
        upload("division,name,address,size\n130104001005,x,y,4\n").statusCode(400)
                .body("errors.field", containsInAnyOrder("lines[1].size", "lines[1].capacity"));
        upload("").statusCode(400).body("errors[0].field", equalTo("file"));
        given().auth().oauth2(Tokens.of("staff1")).contentType("text/csv").body("division\n")
                .when().post("/api/rooms/import").then().statusCode(403);
    }
}
