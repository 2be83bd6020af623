package io.greenribbon.divisions;

import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class DivisionResourceTest {

    @Test
    void officialReadsTheCityWithItsPath() {
        given().auth().oauth2(Tokens.of("official1"))
                .when().get("/api/divisions/1301")
                .then().statusCode(200)
                .body("code", equalTo("1301"))
                .body("name", equalTo("石家庄市"))
                .body("level", equalTo("CITY"))
                .body("parentCode", equalTo("13"))
                .body("path.code", contains("13", "1301"));
    }

    @Test
    void villagePathRunsFromTheProvinceDown() {
        given().auth().oauth2(Tokens.of("counsellor1"))
                .when().get("/api/divisions/130104001001")
                .then().statusCode(200)
                .body("level", equalTo("VILLAGE"))
                .body("path.code", contains("13", "1301", "130104", "130104001", "130104001001"));
    }

    @Test
    void qiaoxiHasAtLeastFiftyVillagesAndEveryCountySome() {
        var townships = given().auth().oauth2(Tokens.of("official1"))
                .queryParam("parent", "130104")
                .when().get("/api/divisions")
                .then().statusCode(200).body("level", everyItem(equalTo("TOWNSHIP")))
                .extract().jsonPath().getList("code", String.class);
        int villages = townships.stream().mapToInt(t -> given().auth().oauth2(Tokens.of("official1"))
                .queryParam("parent", t).get("/api/divisions").then().statusCode(200)
                .extract().jsonPath().getList("code").size()).sum();
        org.assertj.core.api.Assertions.assertThat(villages).isGreaterThanOrEqualTo(50);

        given().auth().oauth2(Tokens.of("official1")).queryParam("parent", "1301")
                .when().get("/api/divisions")
                .then().statusCode(200).body("$", hasSize(22));
        given().auth().oauth2(Tokens.of("official1")).queryParam("parent", "130133")
                .when().get("/api/divisions")
                .then().statusCode(200).body("$", hasSize(greaterThanOrEqualTo(1)));
    }

    @Test
    void aXinhuaAccountSeesItsPathButNotQiaoxi() {
        given().auth().oauth2(Tokens.of("counsellor2"))
                .when().get("/api/divisions/130104")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:greenribbon:problem:out-of-jurisdiction"))
                .body("status", equalTo(403));
        given().auth().oauth2(Tokens.of("counsellor2"))
                .when().get("/api/divisions/1301")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.of("counsellor2")).queryParam("parent", "1301")
                .when().get("/api/divisions")
                .then().statusCode(200).body("code", contains("130105"));
        given().auth().oauth2(Tokens.of("counsellor2")).queryParam("parent", "130105")
                .when().get("/api/divisions")
                .then().statusCode(200).body("code", everyItem(startsWith("130105")));
    }

    @Test
    void unknownDivisionIsNotFound() {
        given().auth().oauth2(Tokens.of("official1"))
                .when().get("/api/divisions/130199")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of("official1"))
                .when().get("/api/divisions/130104999999")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:greenribbon:problem:not-found"))
                .body("detail", equalTo("没有编码为 130104999999 的行政区划。"));
    }

    @Test
    void aMalformedCodeNamesTheField() {
        given().auth().oauth2(Tokens.of("official1")).header("Accept-Language", "en")
                .when().get("/api/divisions/13x")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:greenribbon:problem:validation"))
                .body("title", equalTo("Invalid request data"))
                .body("errors[0].field", equalTo("code"));
    }
}
