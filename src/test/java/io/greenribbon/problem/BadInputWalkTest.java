package io.greenribbon.problem;

import io.greenribbon.access.Requires;
import io.greenribbon.problem.BadInputs.Attempt;
import io.greenribbon.testkit.ApiEndpoints;
import io.greenribbon.testkit.ApiEndpoints.Endpoint;
import io.greenribbon.testkit.Databases;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every endpoint of the OpenAPI document with input that cannot be right ({@link BadInputs}), as a demo
 * account holding the endpoint's permission. Nothing may answer 5xx; every 4xx is a problem document; bad
 * bodies and unparsable parameters are refused with a problem naming the field or parameter; and not one row
 * of the database changes.
 */
@QuarkusTest
class BadInputWalkTest {

    private static final java.util.Set<String> AUDIT_LOG = java.util.Set.of("public.audit_entry", "public.audit_chain_head");

    @Test
    void writeEndpointsRefuseBadBodiesAndUnparsableParametersAndChangeNothing() {
        List<String> failures = walk(Endpoint::writes, endpoint -> {
            List<Attempt> attempts = new ArrayList<>(BadInputs.bodies(endpoint, ApiEndpoints.served()));
            attempts.addAll(BadInputs.parameters(endpoint));
            return attempts;
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void readEndpointsRefuseUnparsableParametersAndChangeNothing() {
        List<String> failures = walk(endpoint -> !endpoint.writes(), BadInputs::parameters);
        assertThat(failures).isEmpty();
    }

    private static List<String> walk(java.util.function.Predicate<Endpoint> which,
                                     Function<Endpoint, List<Attempt>> attemptsOf) {
        Map<String, Requires> rules = ApiEndpoints.declared();
        List<String> failures = new ArrayList<>();
        int endpoints = 0;
        int requests = 0;
        for (Endpoint endpoint : ApiEndpoints.served().documented()) {
            if (!which.test(endpoint)) {
                continue;
            }
            String account = ApiEndpoints.accountHolding(rules.get(endpoint.key()).value());
            Map<String, String> before = Databases.snapshot();
            boolean readSomething = false;
            for (Attempt attempt : attemptsOf.apply(endpoint)) {
                Response response = send(endpoint, account, attempt);
                check(endpoint, attempt, response).ifPresent(failures::add);
                readSomething |= !endpoint.writes() && response.statusCode() < 300;
                requests++;
            }
            List<String> changed = changed(before, Databases.snapshot());
            // A read that was answered is audited when it is of risk data: the audit log is the one thing it adds to.
            if (readSomething) {
                changed = changed.stream().filter(table -> !AUDIT_LOG.contains(table)).toList();
            }
            if (!changed.isEmpty()) {
                failures.add(endpoint.key() + " changed rows of " + changed);
            }
            endpoints++;
        }
        System.out.printf("[bad-input walk] %d endpoints, %d requests, %d failures%n", endpoints, requests,
                failures.size());
        return failures;
    }

    private static Response send(Endpoint endpoint, String account, Attempt attempt) {
        RequestSpecification request = given().auth().oauth2(Tokens.of(account)).header("Accept-Language", "en")
                .queryParams(attempt.query());
        if (attempt.body() != null) {
            request.contentType(attempt.contentType()).body(attempt.body());
        }
        return request.request(endpoint.method(), endpoint.path(attempt.pathValues(), "1"));
    }

    private static java.util.Optional<String> check(Endpoint endpoint, Attempt attempt, Response response) {
        int status = response.statusCode();
        String what = endpoint.key() + " with " + attempt.what() + ": " + status;
        String contentType = String.valueOf(response.contentType());
        if (status >= 500) {
            return java.util.Optional.of(what + " " + abbreviated(response.asString()));
        }
        if (status >= 400 && !contentType.startsWith(Problem.MEDIA_TYPE)) {
            return java.util.Optional.of(what + " as " + contentType);
        }
        if (attempt.refused() && status < 400) {
            return java.util.Optional.of(what + " (accepted)");
        }
        if (attempt.refused()) {
            List<String> named = response.jsonPath().getList("errors.field", String.class);
            List<String> missing = attempt.names().stream().filter(name -> named == null || !named.contains(name))
                    .toList();
            if (!missing.isEmpty()) {
                return java.util.Optional.of(what + " does not name " + missing + " but " + named);
            }
        }
        return java.util.Optional.empty();
    }

    private static List<String> changed(Map<String, String> before, Map<String, String> after) {
        return after.keySet().stream().filter(table -> !after.get(table).equals(before.get(table))).toList();
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
