package io.greenribbon.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.LintResult;
import io.greenribbon.testkit.RealmFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lints and renders the Helm chart with the real Helm library and checks what a deployment of a crisis
 * line must never get wrong. No cluster: only Helm's lookup of the chart-made Secret is answered by a
 * stand-in of the Kubernetes API.
 */
class HelmChartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MINIMAL = Chart.ci("minimal");
    private static final Path PRODUCTION = Chart.ci("production");
    private static final Path PROVINCE = Chart.ci("province");
    private static KubernetesApiStandIn cluster;

    @BeforeAll
    static void startCluster() {
        cluster = KubernetesApiStandIn.start();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @BeforeEach
    void emptyCluster() {
        cluster.clear();
    }

    static Stream<Path> ciValues() {
        return Chart.ciValues().stream();
    }

    @ParameterizedTest
    @MethodSource("ciValues")
    void lintsStrictlyWithEveryCiValuesFile(Path values) {
        LintResult lint = Chart.lint(values);

        assertThat(lint.isFailed()).as("helm lint --strict -f %s: %s", values, lint.getMessages()).isFalse();
        assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @ParameterizedTest
    @MethodSource("ciValues")
    void everyContainerRunsUnprivileged(Path values) {
        Manifests chart = Chart.render(values);

        List<JsonNode> pods = chart.podSpecs().toList();
        assertThat(pods).hasSizeGreaterThanOrEqualTo(2);
        for (JsonNode pod : pods) {
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
            for (JsonNode container : pod.path("containers")) {
                JsonNode security = container.path("securityContext");
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
                assertThat(security.path("privileged").asBoolean(true)).isFalse();
                assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
                assertThat(security.at("/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
            }
        }
        // Every name is a valid DNS label.
        assertThat(chart.objects()).allSatisfy(o -> assertThat(o.at("/metadata/name").asText()).hasSizeLessThanOrEqualTo(63));
    }

    @Test
    void serviceRunsReadOnlyAsTheImageUser() {
        JsonNode pod = Chart.render(MINIMAL).service().at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");

        assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(185);
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/tmp");
        assertThat(pod.at("/volumes/0/emptyDir").isObject()).isTrue();
        assertThat(container.at("/resources/requests/memory").asText()).isEqualTo("768Mi");
        assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("1536Mi");
    }

    @Test
    void eachPodHoldsThePbxEventsTheDatabaseDoesNotTakeOnAVolumeOfItsOwn() {
        Manifests chart = Chart.render(MINIMAL);
        JsonNode pod = chart.service().at("/spec/template/spec");
        assertThat(pod.at("/containers/0/volumeMounts").toString())
                .contains("{\"name\":\"pbx-journal\",\"mountPath\":\"/var/lib/greenribbon/journal\"}");
        assertThat(pod.path("volumes").toString()).contains("{\"name\":\"pbx-journal\",\"emptyDir\":{\"sizeLimit\":\"128Mi\"}}");
        JsonNode config = chart.get("ConfigMap", Chart.FULLNAME).path("data");
        assertThat(config.path("GREENRIBBON_JOURNAL_DIRECTORY").asText()).isEqualTo("/var/lib/greenribbon/journal");
        assertThat(config.path("GREENRIBBON_JOURNAL_MAX_EVENTS").asText()).isEqualTo("50000");
        assertThat(config.path("GREENRIBBON_JOURNAL_MAX_AGE").asText()).isEqualTo("P2D");
    }

    @Test
    void probesUseQuarkusHealthEndpoints() {
        JsonNode container = Chart.render(MINIMAL).service().at("/spec/template/spec/containers/0");

        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(List.of(container.at("/startupProbe/httpGet/port").asText(),
                container.at("/livenessProbe/httpGet/port").asText(),
                container.at("/readinessProbe/httpGet/port").asText())).containsOnly("http");
        assertThat(container.at("/ports").toString())
                .contains("{\"name\":\"http\",\"containerPort\":8080,\"protocol\":\"TCP\"}")
                .contains("{\"name\":\"fastagi\",\"containerPort\":4573,\"protocol\":\"TCP\"}");
    }

    @Test
    void serviceSurvivesNodeLossAndUpgrades() {
        Manifests city = Chart.render(MINIMAL);
        JsonNode deployment = city.service();

        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt()).isZero();
        assertThat(deployment.at("/spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/0/podAffinityTerm/topologyKey").asText())
                .isEqualTo("kubernetes.io/hostname");
        JsonNode pdb = city.get("PodDisruptionBudget", Chart.FULLNAME);
        assertThat(pdb.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
        assertThat(pdb.at("/spec/selector")).isEqualTo(deployment.at("/spec/selector"));
        assertThat(city.ofKind("HorizontalPodAutoscaler")).isEmpty();

        Manifests province = Chart.render(PROVINCE);
        JsonNode scaled = province.get("Deployment", Chart.FULLNAME + "-sjz");
        assertThat(scaled.at("/spec/replicas").isMissingNode()).as("the HPA owns the replica count").isTrue();
        assertThat(province.get("HorizontalPodAutoscaler", Chart.FULLNAME + "-sjz").at("/spec/minReplicas").asInt())
                .isEqualTo(2);
        assertThat(scaled.at("/spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/0/topologyKey").asText())
                .isEqualTo("kubernetes.io/hostname");
        assertThat(scaled.at("/spec/template/spec/topologySpreadConstraints/0/labelSelector/matchLabels"))
                .isEqualTo(scaled.at("/spec/selector/matchLabels"));
        assertThat(scaled.at("/metadata/labels/greenribbon.io~1scope-division").asText()).isEqualTo("13");
    }

    @Test
    void aProvinceRunsOneDeploymentPerPbxAndTheServicesReachThemAll() {
        Manifests province = Chart.render(PROVINCE);
        List<JsonNode> deployments = province.ofKind("Deployment")
                .filter(d -> d.at("/metadata/labels/app.kubernetes.io~1component").asText().equals("service")).toList();
        assertThat(deployments).extracting(d -> d.at("/metadata/name").asText())
                .containsExactly(Chart.FULLNAME + "-sjz", Chart.FULLNAME + "-ts");
        Map<String, String> amiHosts = Map.of("sjz", "10.50.0.10", "ts", "10.51.0.10");
        Map<String, String> cities = Map.of("sjz", "1301", "ts", "1302");
        for (JsonNode deployment : deployments) {
            String pbx = deployment.at("/metadata/labels/greenribbon.io~1pbx").asText();
            Map<String, String> env = new java.util.HashMap<>();
            toList(deployment.at("/spec/template/spec/containers/0/env")).forEach(e -> env.put(e.path("name").asText(),
                    e.path("value").asText()));
            assertThat(env).containsEntry("GREENRIBBON_TELEPHONY_PBX_ID", pbx)
                    .containsEntry("GREENRIBBON_TELEPHONY_DEPLOYMENT_ID", Chart.FULLNAME + "-" + pbx)
                    .containsEntry("GREENRIBBON_TELEPHONY_AMI_HOST", amiHosts.get(pbx))
                    .containsEntry("GREENRIBBON_TELEPHONY_AMI_PORT", "5038")
                    .containsEntry("GREENRIBBON_HOTLINE_RECOVERED_DIVISION", cities.get(pbx));
            JsonNode selector = deployment.at("/spec/selector/matchLabels");
            assertThat(selector.path("greenribbon.io/pbx").asText()).as("the Deployments never share pods").isEqualTo(pbx);
            assertThat(matches(selector, deployment.at("/spec/template/metadata/labels"))).isTrue();
            assertThat(province.get("PodDisruptionBudget", Chart.FULLNAME + "-" + pbx).at("/spec/selector/matchLabels"))
                    .isEqualTo(selector);
            assertThat(province.get("HorizontalPodAutoscaler", Chart.FULLNAME + "-" + pbx)
                    .at("/spec/scaleTargetRef/name").asText()).isEqualTo(Chart.FULLNAME + "-" + pbx);
            // The API, FastAGI and the network policy take every PBX's pods.
            JsonNode pods = deployment.at("/spec/template/metadata/labels");
            assertThat(matches(province.get("Service", Chart.FULLNAME).at("/spec/selector"), pods)).isTrue();
            assertThat(matches(province.get("Service", Chart.FULLNAME + "-agi").at("/spec/selector"), pods)).isTrue();
            assertThat(matches(province.get("NetworkPolicy", Chart.FULLNAME).at("/spec/podSelector/matchLabels"), pods))
                    .isTrue();
        }

        // One PBX (no telephony.pbxs): the Deployment of before, its selector unchanged (it cannot change in place).
        JsonNode single = Chart.render(MINIMAL).service();
        assertThat(single.at("/spec/selector/matchLabels").has("greenribbon.io/pbx")).isFalse();
        assertThat(single.at("/spec/template/spec/containers/0/env").toString())
                .contains("{\"name\":\"GREENRIBBON_TELEPHONY_PBX_ID\",\"value\":\"default\"}")
                .contains("{\"name\":\"GREENRIBBON_TELEPHONY_DEPLOYMENT_ID\",\"value\":\"" + Chart.FULLNAME + "\"}");

        assertThat(Chart.renderError(PROVINCE, "telephony: {pbxs: [{id: SJZ, ami: {host: 10.50.0.10}, city: '1301'}]}"))
                .contains("pbxs");
        assertThat(Chart.renderError(PROVINCE, "telephony: {pbxs: [{id: sjz, ami: {host: 10.50.0.10}, city: '1301'}, "
                + "{id: sjz, ami: {host: 10.50.0.11}, city: '1301'}]}")).contains("lists PBX sjz twice");
        assertThat(Chart.renderError(MINIMAL, "telephony: {pbxId: a-name-longer-than-asterisk-keeps}")).contains("pbxId");
    }

    @Test
    void configurationChangeRollsThePods() {
        String first = configChecksum(Chart.render(PRODUCTION));
        String same = configChecksum(Chart.render(PRODUCTION));
        String changed = configChecksum(Chart.render(PRODUCTION, "telephony: {ami: {host: 10.30.1.99}}"));

        assertThat(first).matches("[0-9a-f]{64}").isEqualTo(same).isNotEqualTo(changed);
        assertThat(Chart.render(PRODUCTION).keycloak().at("/spec/template/metadata/annotations/checksum~1realm").asText())
                .matches("[0-9a-f]{64}");
        JsonNode annotations = Chart.render(MINIMAL, Chart.GIVEN_SECRETS).service().at("/spec/template/metadata/annotations");
        String secretChecksum = annotations.path("checksum/secret").asText();
        assertThat(secretChecksum).matches("[0-9a-f]{64}");
        assertThat(Chart.render(MINIMAL, Chart.GIVEN_SECRETS, "secrets: {values: {amiSecret: rotated}}")
                .service().at("/spec/template/metadata/annotations/checksum~1secret").asText()).isNotEqualTo(secretChecksum);
    }

    private static String configChecksum(Manifests chart) {
        return chart.service().at("/spec/template/metadata/annotations/checksum~1config").asText();
    }

    @Test
    void fastAgiIsOpenOnlyToTheAsteriskServers() {
        Manifests chart = Chart.render(PRODUCTION);
        List<String> asterisk = List.of("10.30.1.10/32", "10.30.1.11/32");
        JsonNode policy = chart.get("NetworkPolicy", Chart.FULLNAME);

        assertThat(policy.at("/spec/podSelector/matchLabels")).isEqualTo(chart.service().at("/spec/selector/matchLabels"));
        List<JsonNode> rules = List.copyOf(toList(policy.at("/spec/ingress")));
        assertThat(rules).allSatisfy(rule -> assertThat(rule.path("ports").size()).as("a rule without ports opens every port").isPositive());
        List<JsonNode> agiRules = rules.stream().filter(r -> r.path("ports").toString().contains("\"port\":4573")).toList();
        assertThat(agiRules).hasSize(1);
        JsonNode agi = agiRules.get(0);
        assertThat(agi.path("ports").size()).isEqualTo(1);
        assertThat(toList(agi.path("from")).stream().map(peer -> peer.toString()).toList())
                .containsExactlyElementsOf(asterisk.stream().map(c -> "{\"ipBlock\":{\"cidr\":\"" + c + "\"}}").toList());
        JsonNode http = rules.stream().filter(r -> r.path("ports").toString().contains("\"port\":8080")).findFirst().orElseThrow();
        assertThat(http.path("from").toString()).doesNotContain("ipBlock")
                .contains("{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"ingress-nginx\"}},"
                        + "\"podSelector\":{\"matchLabels\":{\"app.kubernetes.io/name\":\"ingress-nginx\"}}}");

        JsonNode service = chart.get("Service", Chart.FULLNAME + "-agi");
        assertThat(service.at("/spec/type").asText()).isEqualTo("LoadBalancer");
        assertThat(service.at("/spec/externalTrafficPolicy").asText()).as("keeps the caller's address").isEqualTo("Local");
        assertThat(toList(service.at("/spec/loadBalancerSourceRanges")).stream().map(JsonNode::asText).toList())
                .containsExactlyElementsOf(asterisk);
        assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(4573);
        assertThat(service.at("/spec/ports/0/protocol").asText()).isEqualTo("TCP");
        assertThat(chart.get("ConfigMap", Chart.FULLNAME).at("/data/GREENRIBBON_TELEPHONY_AGI_ALLOWED_CLIENTS").asText())
                .isEqualTo(String.join(",", asterisk));
    }

    @Test
    void fastAgiIsClosedWithoutAsteriskServers() {
        Manifests chart = Chart.render(PRODUCTION, "telephony: {asteriskCidrs: []}");

        assertThat(chart.get("NetworkPolicy", Chart.FULLNAME).at("/spec/ingress").toString()).doesNotContain("4573");
        assertThat(chart.get("Service", Chart.FULLNAME + "-agi").has("loadBalancerSourceRanges")).isFalse();
        assertThat(Chart.renderError(PRODUCTION, "telephony: {asteriskCidrs: [0.0.0.0/0]}")).contains("asteriskCidrs");
        assertThat(Chart.renderError(PRODUCTION, "telephony: {asteriskCidrs: [10.30.1.10]}")).contains("asteriskCidrs");
    }

    @Test
    void noPasswordOrKeyLeavesTheSecret() {
        Manifests chart = Chart.render(MINIMAL, Chart.GIVEN_SECRETS);
        List<String> secrets = List.of("app-pw-9f3a", "owner-pw-7c1e", "cdr-pw-4b8d", "ami-pw-2d6f",
                "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "hmac-key-5e0a", "client-pw-8a2c", "kc-admin-pw-1f9b",
                "kc-db-pw-6d3e");

        List<JsonNode> notSecrets = chart.objects().stream().filter(o -> !"Secret".equals(o.path("kind").asText())).toList();
        assertThat(chart.ofKind("ConfigMap")).hasSizeGreaterThanOrEqualTo(3);
        for (JsonNode object : notSecrets) {
            assertThat(object.toString()).as("%s", object.at("/metadata/name")).doesNotContain(secrets);
        }
        JsonNode secret = chart.get("Secret", Chart.FULLNAME);
        assertThat(decode(secret.at("/data/db-password"))).isEqualTo("app-pw-9f3a");
        assertThat(decode(secret.at("/data/crypto-keys"))).isEqualTo("k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        chart.podSpecs().flatMap(pod -> toList(pod.path("containers")).stream()).flatMap(c -> toList(c.path("env")).stream())
                .filter(env -> env.path("name").asText().matches(".*(PASSWORD|SECRET|CRYPTO_KEYS|HMAC_KEY).*"))
                .forEach(env -> assertThat(env.has("valueFrom")).as(env.path("name").asText()).isTrue());
    }

    @Test
    void existingSecretIsHonoured() {
        Manifests chart = Chart.render(PRODUCTION, "secrets: {keys: {amiSecret: asterisk-manager}}");

        assertThat(chart.ofKind("Secret")).as("the chart makes no Secret of its own").isEmpty();
        Set<String> used = new java.util.TreeSet<>();
        chart.podSpecs().flatMap(pod -> toList(pod.path("containers")).stream()).flatMap(c -> toList(c.path("env")).stream())
                .map(env -> env.at("/valueFrom/secretKeyRef")).filter(JsonNode::isObject)
                .forEach(ref -> used.add(ref.path("name").asText() + "/" + ref.path("key").asText()));
        assertThat(used).containsExactlyInAnyOrder(
                "greenribbon-1301/db-password", "greenribbon-1301/db-owner-password", "greenribbon-1301/db-cdr-password",
                "greenribbon-1301/asterisk-manager", "greenribbon-1301/crypto-keys", "greenribbon-1301/caller-hmac-key",
                "greenribbon-1301/audit-chain-keys",
                "greenribbon-1301/service-client-secret", "greenribbon-1301/web-session-secret",
                "greenribbon-1301/keycloak-admin-password",
                "greenribbon-1301/keycloak-db-password", "postgresql-admin/username", "postgresql-admin/password");
        assertThat(chart.service().at("/spec/template/metadata/annotations").has("checksum/secret")).isFalse();
    }

    @Test
    void generatedSecretsAreKeptAndCryptoKeysAreRealKeys() {
        JsonNode generated = Chart.render(MINIMAL).get("Secret", Chart.FULLNAME);

        assertThat(generated.at("/metadata/annotations/helm.sh~1resource-policy").asText()).isEqualTo("keep");
        assertThat(generated.at("/metadata/annotations").path(Chart.HOOK).asText()).isEqualTo("pre-install,pre-upgrade");
        String keyring = decode(generated.at("/data/crypto-keys"));
        assertThat(keyring).startsWith("k1:");
        assertThat(Base64.getDecoder().decode(keyring.substring(3))).hasSize(32);
        assertThat(Base64.getDecoder().decode(decode(generated.at("/data/caller-hmac-key")))).hasSize(32);
        String chainKeys = decode(generated.at("/data/audit-chain-keys"));
        assertThat(chainKeys).startsWith("a1:");
        assertThat(Base64.getDecoder().decode(chainKeys.substring(3))).hasSize(32);
        assertThat(decode(generated.at("/data/db-password"))).hasSize(32);

        // An upgrade renders against the cluster, which holds the Secret: every value is kept.
        Map<String, String> inCluster = JSON.convertValue(generated.path("data"), Map.class);
        cluster.putSecret(Chart.NAMESPACE, Chart.FULLNAME, inCluster);
        JsonNode again = Chart.render(MINIMAL).get("Secret", Chart.FULLNAME);
        assertThat(again.path("data")).isEqualTo(generated.path("data"));
    }

    @Test
    void realmComesFromTheProjectFileWithoutDemoAccounts() throws Exception {
        Manifests chart = Chart.renderInPlace(MINIMAL);
        JsonNode realm = JSON.readTree(chart.get("ConfigMap", Chart.FULLNAME + "-keycloak-realm")
                .at("/data/greenribbon-realm.json").asText());

        assertThat(realm).isEqualTo(JSON.readTree(Files.readString(RealmFile.BASE)));
        assertThat(realm.has("users")).isFalse();
        assertThat(toList(realm.path("clients")).stream().map(c -> c.path("clientId").asText()).toList())
                .containsExactlyInAnyOrder("greenribbon-web", "greenribbon-service");
        JsonNode demo = JSON.readTree(HelmChartTest.class.getResourceAsStream("/keycloak/greenribbon-demo.json"));
        for (JsonNode user : demo.path("users")) {
            assertThat(chart.yaml()).doesNotContainPattern("\\b" + user.path("username").asText() + "\\b");
        }
        assertThat(chart.yaml()).doesNotContain("greenribbon-cli");

        JsonNode keycloak = chart.keycloak().at("/spec/template/spec/containers/0");
        assertThat(keycloak.path("image").asText()).isEqualTo("quay.io/keycloak/keycloak:26.5.6");
        assertThat(toList(keycloak.path("args")).stream().map(JsonNode::asText).toList()).startsWith("start", "--import-realm");
        assertThat(keycloak.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/opt/keycloak/data/import");

        String withDemo = RealmFile.withDemoAccounts(Path.of(""));
        assertThat(Chart.renderErrorWithFile("files/greenribbon-realm.json", withDemo, MINIMAL))
                .contains("demo accounts must never be deployed");
    }

    @Test
    void schemaRejectsMissingOrUnsafeValues() {
        assertThat(Chart.renderError(MINIMAL, "database: {host: null}")).contains("database").contains("host");
        assertThat(Chart.renderError(MINIMAL, "database: {host: ''}")).contains("database.host");
        assertThat(Chart.renderError(MINIMAL, "image: {repository: null}")).contains("repository");
        assertThat(Chart.renderError(MINIMAL, "keycloak: {enabled: false}")).contains("oidc.url");
        assertThat(Chart.renderError(MINIMAL, "keycloak: {hostname: ''}")).contains("keycloak.hostname");
        assertThat(Chart.renderError(MINIMAL, "database: {bootstrap: {adminSecret: {name: ''}}}")).contains("adminSecret.name");
        assertThat(Chart.renderError(MINIMAL, "scope: {level: country}")).contains("scope.level");
        assertThat(Chart.renderError(MINIMAL, "autoscaling: {minReplicas: 1}")).contains("minReplicas");
        assertThat(Chart.renderError(MINIMAL, "secrets: {values: {dbPasword: typo}}")).contains("dbPasword");
        assertThat(Chart.renderError(MINIMAL, "securityContext: {runAsNonRoot: false}")).contains("runAsNonRoot");
        assertThat(Chart.renderError(MINIMAL, "database: {appUser: 'app; drop'}")).contains("appUser");
        assertThat(Chart.renderError(MINIMAL, "secrets: {generate: false}")).contains("secrets.existingSecret");
    }

    @Test
    void chartRefusesToRunWithoutSecrets() {
        // Without any source of secrets, Helm refuses and says where they come from.
        assertThat(Chart.renderError(PROVINCE, "secrets: {existingSecret: ''}"))
                .contains("secrets.existingSecret").contains("secrets.generate");
    }

    @Test
    void serviceRunsOnZgcNotTheImagesParallelGc() {
        JsonNode config = Chart.render(PRODUCTION).get("ConfigMap", Chart.FULLNAME).path("data");

        // run-java.sh puts GC_CONTAINER_OPTIONS in place of its -XX:+UseParallelGC; a second collector in
        // JAVA_OPTS_APPEND would stop the JVM from starting.
        assertThat(config.path("GC_CONTAINER_OPTIONS").asText()).isEqualTo("-XX:+UseZGC");
        assertThat(config.path("JAVA_OPTS_APPEND").asText()).doesNotContain("-XX:+Use");
        assertThat(Chart.renderError(PRODUCTION, "gcOptions: '-XX:+UseZGC; sh'")).contains("gcOptions");
    }

    @Test
    void databaseTlsVerifiesTheServer() {
        Manifests chart = Chart.render(PRODUCTION);
        JsonNode config = chart.get("ConfigMap", Chart.FULLNAME).path("data");

        assertThat(config.path("GREENRIBBON_DB_JDBC_URL").asText()).isEqualTo(
                "jdbc:postgresql://pg-hebei.db.greenribbon.example:5432/greenribbon_1301"
                        + "?sslmode=verify-full&sslrootcert=/etc/greenribbon/db-tls/ca.crt");
        assertThat(config.path("GREENRIBBON_DB_REACTIVE_URL").asText())
                .isEqualTo("postgresql://pg-hebei.db.greenribbon.example:5432/greenribbon_1301");
        assertThat(config.path("QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE").asText()).isEqualTo("verify-full");
        assertThat(config.path("QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM").asText()).isEqualTo("HTTPS");
        assertThat(chart.podSpecs().filter(pod -> pod.path("volumes").toString().contains("\"postgresql-ca\""))).hasSize(3);
    }

    @Test
    void helmTestChecksReadinessThroughTheNetworkPolicy() {
        Manifests chart = Chart.render(MINIMAL);
        JsonNode test = chart.get("Pod", Chart.FULLNAME + "-test-ready");

        assertThat(test.at("/metadata/annotations").path(Chart.HOOK).asText()).isEqualTo("test");
        assertThat(test.at("/spec/containers/0/command").toString()).contains("http://gr-greenribbon:8080/q/health/ready");
        assertThat(test.at("/metadata/labels/greenribbon.io~1http-client").asText()).isEqualTo("true");
        assertThat(chart.get("NetworkPolicy", Chart.FULLNAME).at("/spec/ingress/0/from").toString())
                .contains("{\"podSelector\":{\"matchLabels\":{\"greenribbon.io/http-client\":\"true\"}}}");
    }

    @Test
    void prometheusScrapesOnlyTheHttpService() {
        Manifests chart = Chart.render(PRODUCTION);
        JsonNode monitor = chart.get("ServiceMonitor", Chart.FULLNAME);

        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("http");
        assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
        JsonNode selector = monitor.at("/spec/selector/matchLabels");
        assertThat(chart.ofKind("Service").filter(s -> matches(selector, s.at("/metadata/labels")))
                .map(s -> s.at("/metadata/name").asText()).toList()).containsExactly(Chart.FULLNAME);
        assertThat(chart.service().at("/spec/template/metadata/annotations/prometheus.io~1path").asText()).isEqualTo("/q/metrics");
    }

    @Test
    void serviceGetsEveryVariableItReadsAndTheReadmeListsThem() throws Exception {
        Manifests chart = Chart.render(MINIMAL);
        Set<String> provided = new java.util.TreeSet<>();
        chart.get("ConfigMap", Chart.FULLNAME).path("data").fieldNames().forEachRemaining(provided::add);
        toList(chart.service().at("/spec/template/spec/containers/0/env")).forEach(e -> provided.add(e.path("name").asText()));
        List<String> read = List.of("GREENRIBBON_DB_JDBC_URL", "GREENRIBBON_DB_REACTIVE_URL", "GREENRIBBON_DB_USER",
                "GREENRIBBON_DB_PASSWORD", "GREENRIBBON_DB_OWNER_USER", "GREENRIBBON_DB_OWNER_PASSWORD",
                "GREENRIBBON_DB_CDR_USER", "GREENRIBBON_OIDC_URL", "GREENRIBBON_SERVICE_SECRET",
                "GREENRIBBON_TELEPHONY_AMI_HOST", "GREENRIBBON_TELEPHONY_AMI_PORT", "GREENRIBBON_TELEPHONY_AMI_USERNAME",
                "GREENRIBBON_TELEPHONY_AMI_SECRET", "GREENRIBBON_TELEPHONY_AGI_PORT",
                "GREENRIBBON_TELEPHONY_AGI_ALLOWED_CLIENTS", "GREENRIBBON_CRYPTO_ACTIVE_KEY_ID",
                "GREENRIBBON_CRYPTO_KEYS", "GREENRIBBON_CRYPTO_CALLER_HMAC_KEY", "GREENRIBBON_AUDIT_CHAIN_KEY_ID",
                "GREENRIBBON_AUDIT_CHAIN_KEYS", "GREENRIBBON_WEB_SESSION_SECRET");

        assertThat(provided).containsAll(read);
        // Every environment placeholder the service's own configuration names (outside the local, test and dev
        // profiles) must be provided too, so a renamed property cannot silently go unset in production.
        java.util.regex.Matcher placeholder = java.util.regex.Pattern.compile("\\$\\{(GREENRIBBON_[A-Z0-9_]+)")
                .matcher(Files.readAllLines(Path.of("src/main/resources/application.properties")).stream()
                        .filter(line -> !line.matches("^%(local|test|dev)\\..*"))
                        .collect(java.util.stream.Collectors.joining("\n")));
        Set<String> placeholders = new java.util.TreeSet<>();
        while (placeholder.find()) {
            placeholders.add(placeholder.group(1));
        }
        assertThat(placeholders).isNotEmpty();
        assertThat(provided).containsAll(placeholders);
        String readme = Files.readString(Chart.DIR.resolve("README.md"));
        assertThat(read).allSatisfy(name -> assertThat(readme).contains("`" + name + "`"));
        assertThat(chart.get("ConfigMap", Chart.FULLNAME).at("/data/GREENRIBBON_OIDC_URL").asText())
                .isEqualTo("http://gr-greenribbon-keycloak.hotline.svc:8080/realms/greenribbon");
        assertThat(Chart.render(PROVINCE).get("ConfigMap", Chart.FULLNAME).at("/data/GREENRIBBON_OIDC_URL").asText())
                .isEqualTo("https://auth.hebei.greenribbon.example/realms/greenribbon");
    }

    @Test
    void everyValueIsExplainedByTheCommentAboveIt() throws Exception {
        List<String> lines = Files.readAllLines(Chart.DIR.resolve("values.yaml"));
        List<String> unexplained = new java.util.ArrayList<>();
        String previous = "";
        for (String line : lines) {
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (!text.startsWith("#") && !text.startsWith("-") && text.matches("[\\w.\\-/\"]+:.*")
                    && !previous.startsWith("#")) {
                unexplained.add(line);
            }
            previous = text;
        }
        assertThat(unexplained).isEmpty();
    }

    @Test
    void notesTellWhereAsteriskConnectsAndWarnAboutUnsafeChoices() {
        String production = Chart.installDryRun(PRODUCTION);
        assertThat(production).contains("FastAGI for Asterisk:           gr-greenribbon-agi (LoadBalancer), port 4573")
                .contains("GREENRIBBON_AGI=agi://").doesNotContain("WARNING");

        String risky = Chart.installDryRun(MINIMAL, "telephony: {asteriskCidrs: []}", "replicaCount: 1");
        assertThat(risky).contains("WARNING: telephony.asteriskCidrs is empty")
                .contains("WARNING: the chart made the Secret gr-greenribbon itself")
                .contains("WARNING: a single replica");
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        List<String> missing = new java.util.ArrayList<>();
        selector.fields().forEachRemaining(f -> {
            if (!f.getValue().asText().equals(labels.path(f.getKey()).asText())) {
                missing.add(f.getKey());
            }
        });
        return missing.isEmpty();
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static String decode(JsonNode base64) {
        return new String(Base64.getDecoder().decode(base64.asText()), java.nio.charset.StandardCharsets.UTF_8);
    }
}
