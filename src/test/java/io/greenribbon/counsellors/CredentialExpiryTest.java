package io.greenribbon.counsellors;

import io.greenribbon.testkit.Tokens;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CredentialExpiryTest {

    @Inject
    CredentialExpiryService expiry;

    @Inject
    Scheduler scheduler;

    @Test
    void credentialsEndingSoonAreListedAndFlaggedOnce() throws Throwable {
        String tag = "期" + PoolFixtures.serial();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long id = PoolFixtures.create(Map.of("fullName", tag, "homeDivision", "130128", "kind", "COUNSELLOR",
                "credentials", List.of(
                        Map.of("certificateNumber", tag + "-soon", "level", "三级", "issuer", "协会",
                                "validFrom", "2020-01-01", "validUntil", today.plusDays(10).toString()),
                        Map.of("certificateNumber", tag + "-later", "level", "二级", "issuer", "协会",
                                "validFrom", "2020-01-01", "validUntil", today.plusDays(100).toString()))));

        List<Map<String, Object>> soon = given().auth().oauth2(Tokens.of("admin1")).queryParam("within", "P60D")
                .get("/api/counsellors/credentials/expiring")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(soon).filteredOn(c -> ((Number) c.get("counsellorId")).longValue() == id)
                .extracting(c -> c.get("certificateNumber"), c -> c.get("daysLeft"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(tag + "-SOON", 10));
        given().auth().oauth2(Tokens.of("admin2")).queryParam("within", "P60D")
                .get("/api/counsellors/credentials/expiring")
                .then().statusCode(200).body("homeDivision", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.startsWith("130105")));
        given().auth().oauth2(Tokens.of("admin1")).queryParam("within", "sixty days")
                .get("/api/counsellors/credentials/expiring")
                .then().statusCode(400).body("errors[0].field", equalTo("within"));
        given().auth().oauth2(Tokens.of("supervisor1")).get("/api/counsellors/credentials/expiring")
                .then().statusCode(403);

        assertThat(VertxContextSupport.subscribeAndAwait(() -> expiry.flagExpiring())).isPositive();
        assertThat(VertxContextSupport.subscribeAndAwait(() -> expiry.flagExpiring())).isZero();
        List<Map<String, Object>> credentials = given().auth().oauth2(Tokens.of("admin1"))
                .get("/api/counsellors/" + id).then().statusCode(200).extract().jsonPath().getList("credentials");
        assertThat(credentials).filteredOn(c -> c.get("certificateNumber").equals(tag + "-SOON"))
                .allSatisfy(c -> assertThat(c.get("expiryFlaggedAt")).isNotNull());
        assertThat(credentials).filteredOn(c -> c.get("certificateNumber").equals(tag + "-LATER"))
                .allSatisfy(c -> assertThat(c.get("expiryFlaggedAt")).isNull());

        // Renewal clears the flag.
        given().auth().oauth2(Tokens.of("admin1")).contentType("application/json")
                .body(Map.of("credentials", List.of(Map.of("certificateNumber", tag + "-soon", "level", "三级",
                        "issuer", "协会", "validFrom", "2020-01-01", "validUntil", today.plusYears(3).toString()))))
                .patch("/api/counsellors/" + id)
                .then().statusCode(200).body("credentials[0].expiryFlaggedAt", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theDailyCheckIsScheduled() {
        assertThat(scheduler.getScheduledJob("credential-expiry-check")).isNotNull();
    }
}
