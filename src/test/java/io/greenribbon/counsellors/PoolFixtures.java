package io.greenribbon.counsellors;

import io.greenribbon.testkit.Tokens;
import io.restassured.http.ContentType;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Pool members for tests, made through the API by the city admin. */
public final class PoolFixtures {

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private PoolFixtures() {
    }

    /** Creates a pool member from a JSON body and answers its id. */
    public static long create(Map<String, Object> body) {
        return ((Number) given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON).body(body)
                .when().post("/api/counsellors")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    /** An active counsellor kept in {@code home}, named uniquely after {@code name}. */
    public static long counsellor(String name, String home) {
        return create(Map.of("fullName", name + SERIAL.incrementAndGet(), "homeDivision", home,
                "kind", "COUNSELLOR", "languages", java.util.List.of("普通话")));
    }

    /** A valid resident ID number for a region, a birth date (yyyyMMdd) and a 3-digit serial. */
    public static String idNumber(String region, String birth, int serial) {
        String first17 = region + birth + String.format("%03d", serial % 1000);
        return first17 + ResidentIdNumbers.checkCharacter(first17);
    }

    public static int serial() {
        return SERIAL.incrementAndGet();
    }
}
