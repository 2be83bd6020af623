package io.greenribbon.counsellors;

import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class CounsellorImportTest {

    private static final String HEADER = "id_number,full_name,home_division,kind,status,languages,specialties,"
            + "max_caseload,certificate_number,certificate_level,certificate_issuer,certificate_valid_from,"
            + "certificate_valid_until\n";

    private static ValidatableResponse post(String token, byte[] body) {
        return given().auth().oauth2(Tokens.of(token)).contentType("text/csv").body(body)
                .when().post("/api/counsellors/import").then();
    }

    private static ValidatableResponse post(String token, String csv) {
        return post(token, csv.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> byName(String name) {
        List<Map<String, Object>> items = given().auth().oauth2(Tokens.of("admin1")).queryParam("q", name)
                .get("/api/counsellors").then().statusCode(200).extract().jsonPath().getList("items");
        return items.isEmpty() ? null : items.get(0);
    }

    @Test
    void aGoodFileImportsOnceAndAnEditedFileUpdates() {
        int s = PoolFixtures.serial();
        String a = PoolFixtures.idNumber("130104", "19820304", s);
        String b = PoolFixtures.idNumber("130133", "19900708", s);
        String tag = "导" + s;
        String file = HEADER
                + a + "," + tag + "甲,130104,心理咨询师,在岗,普通话;河北方言,YOUTH;BEREAVEMENT,25,C" + s
                + "-1,二级心理咨询师,人社部,2019-01-01,2029-12-31\n"
                + a + "," + tag + "甲,130104,心理咨询师,在岗,普通话;河北方言,YOUTH;BEREAVEMENT,25,C" + s
                + "-2,心理治疗师,卫健委,2020/3/1,\n"
                + b + "," + tag + "乙,130133,HEALTH_EDUCATOR,,普通话,,,,,,,\n"
                + "," + tag + "丙,1301,PSYCHOTHERAPIST,ACTIVE,\"普通话;English\",TRAUMA,10,C" + s
                + "-3,心理治疗师,卫健委,2018-05-01,\n";
        post("admin1", file).statusCode(200)
                .body("lines", equalTo(4))
                .body("counsellors.created", equalTo(3)).body("counsellors.updated", equalTo(0))
                .body("credentials.created", equalTo(3));
        Map<String, Object> first = byName(tag + "甲");
        org.assertj.core.api.Assertions.assertThat(first).containsEntry("homeDivision", "130104")
                .containsEntry("maxCaseload", 25).containsEntry("certified", true);
        org.assertj.core.api.Assertions.assertThat((List<Object>) first.get("languages")).containsExactly("普通话", "河北方言");
        org.assertj.core.api.Assertions.assertThat((List<Object>) first.get("credentials")).hasSize(2);

        // The same file again changes nothing, not even a version.
        post("admin1", file).statusCode(200)
                .body("counsellors.created", equalTo(0)).body("counsellors.updated", equalTo(0))
                .body("counsellors.unchanged", equalTo(3))
                .body("credentials.created", equalTo(0)).body("credentials.updated", equalTo(0))
                .body("credentials.unchanged", equalTo(3));
        org.assertj.core.api.Assertions.assertThat(byName(tag + "甲")).containsEntry("version", 0);

        // Edited: a new name found by ID number, a renewed certificate, and 丙 (no ID) found by certificate.
        String edited = HEADER
                + a + "," + tag + "甲改,130104,心理咨询师,在岗,普通话;河北方言,YOUTH;BEREAVEMENT,25,C" + s
                + "-1,一级心理咨询师,人社部,2019-01-01,2034-12-31\n"
                + "," + tag + "丙,1301,PSYCHOTHERAPIST,SUSPENDED,\"普通话;English\",TRAUMA,10,C" + s
                + "-3,心理治疗师,卫健委,2018-05-01,\n";
        post("admin1", edited).statusCode(200)
                .body("counsellors.created", equalTo(0)).body("counsellors.updated", equalTo(2))
                .body("credentials.updated", equalTo(1)).body("credentials.unchanged", equalTo(1));
        Map<String, Object> renamed = byName(tag + "甲改");
        org.assertj.core.api.Assertions.assertThat(renamed).containsEntry("version", 1);
        org.assertj.core.api.Assertions.assertThat(byName(tag + "丙")).containsEntry("status", "SUSPENDED");
        org.assertj.core.api.Assertions.assertThat(byName(tag + "乙")).containsEntry("version", 0);
    }

    @Test
    void badLinesAreEachNamedAndNothingIsImported() {
        int s = PoolFixtures.serial();
        String good = PoolFixtures.idNumber("130104", "19850101", s);
        String tag = "坏" + s;
        String file = HEADER
                + good + "," + tag + "好,130104,COUNSELLOR,,普通话,,,,,,,\n"
                + "130104198501010010," + tag + "校验,130104,COUNSELLOR,,,,,,,,,\n"
                + PoolFixtures.idNumber("130104", "19850102", s) + ",,130199,WIZARD,,,FLYING,900,,,,,\n"
                + PoolFixtures.idNumber("130104", "19850103", s) + "," + tag + "证,130104,COUNSELLOR,,,,,Z" + s
                + ",,人社部,2020-13-01,2019-01-01\n"
                + "," + tag + "无键,130104,COUNSELLOR,,,,,,,,,\n"
                + "too,few,cells\n"
                + good + "," + tag + "好,130105,COUNSELLOR,,普通话,,,,,,,\n";
        post("admin1", file).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:greenribbon:problem:validation"))
                .body("badLines", contains(3, 4, 5, 6, 7, 8))
                .body("errors.field", hasItems("lines[3].id_number", "lines[4].full_name",
                        "lines[4].kind", "lines[4].specialties", "lines[4].max_caseload",
                        "lines[5].certificate_level", "lines[5].certificate_valid_from", "lines[6].id_number",
                        "lines[7]", "lines[8].home_division"));
        org.assertj.core.api.Assertions.assertThat(byName(tag + "好")).isNull();

        // A line naming a division that does not exist, found only against the store, also stops the file.
        post("admin1", HEADER + good + "," + tag + "好,130104,COUNSELLOR,,,,,,,,,\n"
                + PoolFixtures.idNumber("130104", "19850104", s) + "," + tag + "区,130198,COUNSELLOR,,,,,,,,,\n")
                .statusCode(400).body("errors.field", contains("lines[3].home_division"));
        org.assertj.core.api.Assertions.assertThat(byName(tag + "好")).isNull();
    }

    @Test
    void aCountyAdminImportsOnlyIntoItsCounty() {
        int s = PoolFixtures.serial();
        String tag = "县" + s;
        post("admin2", HEADER + PoolFixtures.idNumber("130105", "19700101", s) + "," + tag + "新华,130105,"
                + "COUNSELLOR,,,,,,,,,\n" + PoolFixtures.idNumber("130104", "19700101", s) + "," + tag
                + "桥西,130104,COUNSELLOR,,,,,,,,,\n")
                .statusCode(400).body("errors.field", contains("lines[3].home_division"));
        post("staff1", HEADER).statusCode(403);
    }

    @Test
    void aSpreadsheetSavedAsGbkIsReadToo() {
        int s = PoolFixtures.serial();
        String tag = "码" + s;
        byte[] gbk = (HEADER + PoolFixtures.idNumber("130133", "19660606", s) + "," + tag + "赵县,130133,心理咨询师,,"
                + "普通话;河北方言,,,,,,,\n").getBytes(Charset.forName("GBK"));
        post("admin1", gbk).statusCode(200).body("counsellors.created", equalTo(1));
        org.assertj.core.api.Assertions.assertThat((List<Object>) byName(tag + "赵县").get("languages"))
                .containsExactly("普通话", "河北方言");
    }

    @Test
    void aMalformedHeaderNamesTheColumns() {
        post("admin1", "full_name,home_division,colour\nx,130104,red\n").statusCode(400)
                .body("errors.field", containsInAnyOrder("lines[1].colour", "lines[1].kind", "lines[1].id_number"));
        post("admin1", "").statusCode(400).body("errors.field", contains("lines[1]"));
    }
}
