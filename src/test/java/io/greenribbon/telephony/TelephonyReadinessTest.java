package io.greenribbon.telephony;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class TelephonyReadinessTest {

    @Test
    void readyWithFastAgiBoundAndAmiLinkUp() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200)
                        .body("checks.name", hasItem("asterisk-ami"))
                        .body("checks.find { it.name == 'asterisk-ami' }.data.state", equalTo("up")));
    }
}
