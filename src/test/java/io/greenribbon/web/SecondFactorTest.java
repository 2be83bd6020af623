package io.greenribbon.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenribbon.access.Permission;
import io.greenribbon.access.Role;
import io.greenribbon.testkit.KeycloakAdmin;
import io.greenribbon.testkit.RealmFile;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts that read risk cases beyond their own or the access log, and administrators, sign in with a
 * one-time code besides the password: the realm file's browser flow asks for it of every account holding
 * the role {@code second-factor}, which exactly those roles include. Local runs and tests bind Keycloak's
 * password-only flow instead (RealmFile); this test binds the realm's own flow to prove it works.
 */
@QuarkusTest
class SecondFactorTest {

    @Test
    void theRealmAsksForASecondFactorOfExactlyTheRolesThatReadRiskCasesOrTheAccessLog() throws Exception {
        JsonNode realm = new ObjectMapper().readTree(Files.readString(RealmFile.BASE));
        assertThat(realm.path("browserFlow").asText()).isEqualTo(RealmFile.SECOND_FACTOR_FLOW);
        Set<String> withSecondFactor = new HashSet<>();
        for (JsonNode role : realm.at("/roles/realm")) {
            if (StreamSupport.stream(role.at("/composites/realm").spliterator(), false)
                    .anyMatch(r -> r.asText().equals("second-factor"))) {
                withSecondFactor.add(role.path("name").asText());
            }
        }
        Set<String> expected = new HashSet<>(Permission.RISK_CASE_SUPERVISE.roles());
        expected.addAll(Permission.AUDIT_READ.roles());
        expected.add(Role.ADMIN);
        assertThat(withSecondFactor).isEqualTo(expected).doesNotContain(Role.HOTLINE_COUNSELLOR, Role.ROOM_STAFF);
    }

    @Test
    void withTheRealmsOwnFlowASupervisorMustSetUpAOneTimeCodeAndACounsellorSignsInWithThePassword() {
        String before = KeycloakAdmin.browserFlow();
        assertThat(before).as("tests run with the password-only flow").isEqualTo("browser");
        KeycloakAdmin.bindBrowserFlow(RealmFile.SECOND_FACTOR_FLOW);
        try {
            HttpResponse<String> supervisor = WebSession.anonymous().typePassword("supervisor1");
            assertThat(supervisor.statusCode()).as("no way in with the password alone").isEqualTo(200);
            assertThat(supervisor.body()).as("Keycloak's one-time-code setup").contains("totp")
                    .doesNotContain("id=\"kc-form-login\"");
            HttpResponse<String> official = WebSession.anonymous().typePassword("official1");
            assertThat(official.statusCode()).isEqualTo(200);
            assertThat(official.body()).contains("totp").doesNotContain("id=\"kc-form-login\"");

            HttpResponse<String> counsellor = WebSession.anonymous().typePassword("counsellor1");
            assertThat(counsellor.statusCode()).as("a counsellor is let in with the password").isEqualTo(302);
            assertThat(counsellor.headers().firstValue("Location").orElseThrow()).startsWith(Browser.baseUrl() + "/console");
        } finally {
            KeycloakAdmin.bindBrowserFlow(before);
            KeycloakAdmin.clearRequiredActions("supervisor1");
            KeycloakAdmin.clearRequiredActions("official1");
        }
    }
}
