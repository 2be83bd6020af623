package io.greenribbon.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The realm the local stack and the tests import: the project's one realm file, plus the demo accounts
 * and the password-grant client {@code greenribbon-cli}, which exist only in local and test mode. Local
 * runs and tests also relax what only production needs: the password policy, and the second factor
 * (the built-in password-only browser flow instead of the realm's {@value #SECOND_FACTOR_FLOW}).
 */
public final class RealmFile {

    /** The realm file the Helm chart and every environment use. */
    public static final Path BASE = Path.of("src/main/keycloak/greenribbon-realm.json");
    private static final String DEMO = "/keycloak/greenribbon-demo.json";
    /** The realm's own browser flow: a one-time code for accounts holding the role second-factor. */
    public static final String SECOND_FACTOR_FLOW = "greenribbon browser";

    private RealmFile() {
    }

    public static String withDemoAccounts(Path projectDir) {
        ObjectMapper json = new ObjectMapper();
        try (InputStream demoIn = RealmFile.class.getResourceAsStream(DEMO)) {
            ObjectNode realm = (ObjectNode) json.readTree(Files.readString(projectDir.resolve(BASE)));
            ObjectNode demo = (ObjectNode) json.readTree(demoIn);
            realm.put("passwordPolicy", demo.path("passwordPolicy").asText(""));
            realm.put("browserFlow", demo.path("browserFlow").asText());
            append(realm, demo, "clients");
            append(realm, demo, "users");
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot build the demo realm: " + e.getMessage(), e);
        }
    }

    private static void append(ObjectNode realm, ObjectNode demo, String field) {
        ArrayNode target = realm.has(field) ? (ArrayNode) realm.get(field) : realm.putArray(field);
        demo.withArray(field).forEach(target::add);
    }
}
