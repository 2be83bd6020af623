package io.greenribbon.counsellors;

import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CounsellorResourceTest {

    private String tag;
    private long youthInZhao;
    private long xinhuaMember;

    @BeforeEach
    void fourMembers() {
        if (tag != null) {
            return;
        }
        tag = "筛" + PoolFixtures.serial();
        LocalDate today = LocalDate.now();
        youthInZhao = PoolFixtures.create(Map.of("fullName", tag + "一", "homeDivision", "130133",
                "kind", "COUNSELLOR", "languages", List.of("普通话", "河北方言"), "specialties", List.of("YOUTH"),
                "credentials", List.of(Map.of("certificateNumber", "T-" + tag + "-1", "level", "二级心理咨询师",
                        "issuer", "人力资源和社会保障部", "validFrom", "2020-01-01",
                        "validUntil", today.plusYears(1).toString()))));
        PoolFixtures.create(Map.of("fullName", tag + "二", "homeDivision", "130133", "kind", "PSYCHOTHERAPIST",
                "languages", List.of("普通话"), "specialties", List.of("BEREAVEMENT"),
                "credentials", List.of(Map.of("certificateNumber", "T-" + tag + "-2", "level", "心理治疗师",
                        "issuer", "国家卫生健康委员会", "validFrom", "2015-01-01", "validUntil", "2020-01-01"))));
        PoolFixtures.create(Map.of("fullName", tag + "三", "homeDivision", "130104", "kind", "HEALTH_EDUCATOR",
                "status", "SUSPENDED", "languages", List.of("河北方言"), "specialties", List.of("YOUTH", "ADDICTION")));
        PoolFixtures.create(Map.of("fullName", tag + "四", "homeDivision", "1301", "kind", "COUNSELLOR",
                "languages", List.of("English")));
        xinhuaMember = PoolFixtures.counsellor("新华成员", "130105");
    }

    private List<String> names(String token, Map<String, ?> filters) {
        return given().auth().oauth2(Tokens.of(token)).queryParam("q", tag).queryParams(filters)
                .when().get("/api/counsellors")
                .then().statusCode(200).extract().jsonPath().getList("items.fullName", String.class);
    }

    @Test
    void everyFilterNarrowsTheList() {
        org.assertj.core.api.Assertions.assertThat(names("admin1", Map.of()))
                .containsExactly(tag + "一", tag + "三", tag + "二", tag + "四");
        org.assertj.core.api.Assertions.assertThat(names("admin1", Map.of("division", "130133")))
                .containsExactly(tag + "一", tag + "二");
        org.assertj.core.api.Assertions.assertThat(names("admin1", Map.of("kind", "PSYCHOTHERAPIST")))
                .containsExactly(tag + "二");
        org.assertj.core.api.Assertions.assertThat(names("admin1", Map.of("language", "河北方言")))
                .containsExactly(tag + "一", tag + "三");
        org.assertj.core.api.Assertions.assertThat(names("admin1", Map.of("specialty", "YOUTH")))
                .containsExactly(tag + "一", tag + "三");
        org.assertj.core.api.Assertions.assertThat(names("admin1", Map.of("certified", "true")))
                .containsExactly(tag + "一");
        org.assertj.core.api.Assertions.assertThat(names("admin1", Map.of("certified", "false")))
                .containsExactly(tag + "三", tag + "二", tag + "四");
        org.assertj.core.api.Assertions.assertThat(names("admin1", Map.of("status", "SUSPENDED")))
                .containsExactly(tag + "三");
        org.assertj.core.api.Assertions.assertThat(names("admin1", Map.of("language", "河北方言",
                "specialty", "ADDICTION", "division", "130104"))).containsExactly(tag + "三");
    }

    @Test
    void pagesCountFromZeroWithTheTotal() {
        given().auth().oauth2(Tokens.of("admin1")).queryParam("q", tag).queryParam("size", 3).queryParam("page", 1)
                .when().get("/api/counsellors")
                .then().statusCode(200)
                .body("total", equalTo(4)).body("page", equalTo(1)).body("size", equalTo(3))
                .body("items.fullName", contains(tag + "四"));
    }

    @Test
    void readersSeeTheirCountyAndThePoolAboveItOnly() {
        org.assertj.core.api.Assertions.assertThat(names("counsellor1", Map.of()))
                .containsExactly(tag + "三", tag + "四");
        given().auth().oauth2(Tokens.of("counsellor1")).when().get("/api/counsellors/" + youthInZhao)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("counsellor1")).queryParam("division", "130133")
                .when().get("/api/counsellors")
                .then().statusCode(403).body("type", equalTo("urn:greenribbon:problem:out-of-jurisdiction"));
        given().auth().oauth2(Tokens.of("staff1")).queryParam("q", tag).when().get("/api/counsellors")
                .then().statusCode(200).body("items.homeDivision", everyItem(org.hamcrest.Matchers.in(
                        List.of("130104", "1301"))));
    }

    @Test
    void healthOfficialsGetNoPeople() {
        given().auth().oauth2(Tokens.of("official1")).when().get("/api/counsellors")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("official1")).when().get("/api/counsellors/" + youthInZhao)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.of("official2")).when().get("/api/counsellors/" + xinhuaMember)
                .then().statusCode(403);
    }

    @Test
    void onlyThoseWhoManageTheRecordSeeTheWholeIdNumber() {
        String id = PoolFixtures.idNumber("130104", "19800101", PoolFixtures.serial());
        long created = PoolFixtures.create(Map.of("fullName", "身份证" + PoolFixtures.serial(), "homeDivision", "130104",
                "kind", "COUNSELLOR", "idNumber", id));
        given().auth().oauth2(Tokens.of("admin1")).get("/api/counsellors/" + created)
                .then().statusCode(200).body("idNumber", equalTo(id));
        given().auth().oauth2(Tokens.of("supervisor1")).get("/api/counsellors/" + created)
                .then().statusCode(200).body("idNumber", equalTo(id.substring(0, 6) + "**********"
                        + id.substring(16)));
    }

    @Test
    void aXinhuaAdminCannotEditAQiaoxiCounsellor() {
        long qiaoxi = PoolFixtures.counsellor("桥西成员", "130104");
        given().auth().oauth2(Tokens.of("admin2")).contentType(ContentType.JSON)
                .body(Map.of("fullName", "改名")).when().patch("/api/counsellors/" + qiaoxi)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of("admin1")).get("/api/counsellors/" + qiaoxi)
                .then().statusCode(200).body("fullName", startsWith("桥西成员")).body("version", equalTo(0));
        // Nor may it create one in Qiaoxi, nor move its own member there.
        given().auth().oauth2(Tokens.of("admin2")).contentType(ContentType.JSON)
                .body(Map.of("fullName", "越界", "homeDivision", "130104", "kind", "COUNSELLOR"))
                .when().post("/api/counsellors")
                .then().statusCode(403).body("type", equalTo("urn:greenribbon:problem:out-of-jurisdiction"));
        given().auth().oauth2(Tokens.of("admin2")).contentType(ContentType.JSON)
                .body(Map.of("homeDivision", "130104")).when().patch("/api/counsellors/" + xinhuaMember)
                .then().statusCode(403).body("type", equalTo("urn:greenribbon:problem:out-of-jurisdiction"));
        // Its own county it manages.
        given().auth().oauth2(Tokens.of("admin2")).contentType(ContentType.JSON)
                .body(Map.of("maxCaseload", 12, "specialties", List.of("TRAUMA"))).when()
                .patch("/api/counsellors/" + xinhuaMember)
                .then().statusCode(200).body("maxCaseload", equalTo(12)).body("specialties", contains("TRAUMA"))
                .body("version", equalTo(1));
        given().auth().oauth2(Tokens.of("counsellor2")).contentType(ContentType.JSON)
                .body(Map.of("maxCaseload", 1)).when().patch("/api/counsellors/" + xinhuaMember)
                .then().statusCode(403).body("type", equalTo("urn:greenribbon:problem:forbidden"));
    }

    @Test
    void badInputNamesTheFieldsAndChangesNothing() {
        String unknown = "未知区划" + PoolFixtures.serial();
        given().auth().oauth2(Tokens.of("admin1")).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("homeDivision", "13010", "kind", "COUNSELLOR", "idNumber", "130104198001010011",
                        "maxCaseload", 900))
                .when().post("/api/counsellors")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:greenribbon:problem:validation"))
                .body("errors.field", containsInAnyOrder("fullName", "homeDivision", "maxCaseload"));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("fullName", "校验位" + PoolFixtures.serial(), "homeDivision", "130104", "kind", "COUNSELLOR",
                        "idNumber", "130104198001010011"))
                .when().post("/api/counsellors")
                .then().statusCode(400).body("errors.field", contains("idNumber"));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("fullName", unknown, "homeDivision", "130199", "kind", "COUNSELLOR",
                        "credentials", List.of(Map.of("certificateNumber", "X", "level", "L", "issuer", "I",
                                "validFrom", "2020-01-01", "validUntil", "2019-01-01"))))
                .when().post("/api/counsellors")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("homeDivision", "credentials[0].validUntil"));
        given().auth().oauth2(Tokens.of("admin1")).queryParam("kind", "WIZARD").when().get("/api/counsellors")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(Tokens.of("admin1")).queryParam("q", unknown).when().get("/api/counsellors")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void uniqueKeysAndStaleVersionsAreConflicts() {
        String id = PoolFixtures.idNumber("130133", "19750505", PoolFixtures.serial());
        Map<String, Object> body = Map.of("fullName", "唯一" + PoolFixtures.serial(), "homeDivision", "130133", "kind",
                "COUNSELLOR", "idNumber", id);
        long first = PoolFixtures.create(body);
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(body)
                .when().post("/api/counsellors")
                .then().statusCode(409).body("field", equalTo("idNumber"));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("fullName", "新名", "version", 7)).when().patch("/api/counsellors/" + first)
                .then().statusCode(409).body("currentVersion", equalTo(0));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("credentials", List.of(Map.of("certificateNumber", "T-" + tag + "-1", "level", "L",
                        "issuer", "I", "validFrom", "2020-01-01"))))
                .when().patch("/api/counsellors/" + first)
                .then().statusCode(409).body("field", equalTo("credentials"));
        given().auth().oauth2(Tokens.of("admin1")).get("/api/counsellors/" + first)
                .then().statusCode(200).body("credentials", org.hamcrest.Matchers.empty())
                .body("fullName", not(equalTo("新名")));
    }

    @Test
    void patchReplacesTheCredentialSetByCertificateNumber() {
        long id = PoolFixtures.create(Map.of("fullName", "证书" + PoolFixtures.serial(), "homeDivision", "130133", "kind",
                "COUNSELLOR", "credentials", List.of(
                        Map.of("certificateNumber", "P-" + tag + "-a", "level", "三级", "issuer", "协会",
                                "validFrom", "2018-01-01"),
                        Map.of("certificateNumber", "P-" + tag + "-b", "level", "二级", "issuer", "协会",
                                "validFrom", "2019-01-01"))));
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("credentials", List.of(
                        Map.of("certificateNumber", "P-" + tag + "-b", "level", "一级", "issuer", "协会",
                                "validFrom", "2019-01-01"),
                        Map.of("certificateNumber", "P-" + tag + "-c", "level", "治疗师", "issuer", "卫健委",
                                "validFrom", "2021-01-01"))))
                .when().patch("/api/counsellors/" + id)
                .then().statusCode(200)
                .body("credentials.certificateNumber", containsInAnyOrder("P-" + tag.toUpperCase() + "-B",
                        "P-" + tag.toUpperCase() + "-C"))
                .body("credentials.level", hasItem("一级"));
    }
}
