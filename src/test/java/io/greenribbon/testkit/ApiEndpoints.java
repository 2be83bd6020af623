package io.greenribbon.testkit;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.access.Role;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.MethodInfo;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;

/**
 * The service's {@code /api} endpoints, for tests that walk every one of them: as the OpenAPI document
 * describes them (parameters, request body and its schema) and as the compiled resource classes declare them
 * (the {@link Requires} rule of each method). Both views are kept so that a walk can check they agree.
 */
public final class ApiEndpoints {

    public static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** A demo account of each role (README). */
    public static final Map<String, String> ACCOUNT_OF_ROLE = Map.of(
            Role.HOTLINE_COUNSELLOR, "counsellor1", Role.ROOM_STAFF, "staff1", Role.RISK_SUPERVISOR, "supervisor1",
            Role.HEALTH_OFFICIAL, "official1", Role.ADMIN, "admin1");

    /** A path, query or header parameter as documented, with its schema ({@code $ref}s resolved). */
    public record Parameter(String name, String in, Map<String, Object> schema) {
    }

    /**
     * One documented operation: {@code mediaType} is the first type its request body is documented in
     * ({@code application/json} when it has none) and {@code body} the schema of that body (null when none).
     */
    public record Endpoint(String method, String path, String mediaType, Map<String, Object> body,
                           List<Parameter> parameters) {

        /** {@code METHOD /path/{template}}, as the declared endpoints are keyed. */
        public String key() {
            return method + " " + path;
        }

        public boolean writes() {
            return !method.equals("GET");
        }

        /** The path with each template variable given its value, or {@code other} for those not named. */
        public String path(Map<String, String> values, String other) {
            String result = path;
            for (Parameter p : parameters) {
                if (p.in().equals("path")) {
                    result = result.replace("{" + p.name() + "}", values.getOrDefault(p.name(), other));
                }
            }
            return result.replaceAll("\\{[^}]+}", other);
        }
    }

    private final Map<String, Object> document;

    private ApiEndpoints(Map<String, Object> document) {
        this.document = document;
    }

    /** The document the running service serves at {@code /q/openapi}. */
    public static ApiEndpoints served() {
        return new ApiEndpoints(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("$"));
    }

    /** Every documented operation under {@code /api}, in path order. */
    @SuppressWarnings("unchecked")
    public List<Endpoint> documented() {
        Map<String, Map<String, Object>> paths = new TreeMap<>((Map<String, Map<String, Object>>) document.get("paths"));
        List<Endpoint> endpoints = new ArrayList<>();
        paths.forEach((path, operations) -> {
            if (!path.startsWith("/api")) {
                return;
            }
            operations.forEach((method, operation) -> {
                if (!HTTP_METHODS.contains(method.toUpperCase())) {
                    return;
                }
                Map<String, Object> op = (Map<String, Object>) operation;
                Map<String, Object> requestBody = (Map<String, Object>) op.get("requestBody");
                Map<String, Object> content = requestBody == null ? null : (Map<String, Object>) requestBody.get("content");
                String mediaType = content == null || content.isEmpty() ? "application/json" : content.keySet().iterator().next();
                Map<String, Object> body = content == null || content.isEmpty() ? null
                        : resolve((Map<String, Object>) ((Map<String, Object>) content.get(mediaType)).get("schema"));
                List<Parameter> parameters = new ArrayList<>();
                for (Map<String, Object> p : (List<Map<String, Object>>) op.getOrDefault("parameters", List.of())) {
                    parameters.add(new Parameter((String) p.get("name"), (String) p.get("in"),
                            resolve((Map<String, Object>) p.get("schema"))));
                }
                endpoints.add(new Endpoint(method.toUpperCase(), path, mediaType, body, List.copyOf(parameters)));
            });
        });
        return endpoints;
    }

    /** A schema with its {@code $ref} (if any) followed into the document's components. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> resolved = schema;
        while (resolved != null && resolved.get("$ref") instanceof String ref) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            resolved = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document.get("components"))
                    .get("schemas")).get(name);
        }
        return resolved;
    }

    /** A demo account whose role holds the permission. */
    public static String accountHolding(Permission permission) {
        return ACCOUNT_OF_ROLE.entrySet().stream().filter(e -> permission.roles().contains(e.getKey()))
                .map(Map.Entry::getValue).sorted().findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo account holds " + permission));
    }

    /** Every JAX-RS method of the compiled classes under /api, with its rule (null when it has none). */
    public static Map<String, Requires> declared() {
        return declared("/api");
    }

    /** Every JAX-RS method of the compiled classes under {@code prefix} (/api, /console), with its rule or null. */
    public static Map<String, Requires> declared(String prefix) {
        Index index;
        try (Stream<Path> files = Files.walk(Path.of("target/classes"))) {
            index = Index.of(files.filter(p -> p.toString().endsWith(".class")).map(Path::toFile).toArray(File[]::new));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        DotName pathAnnotation = DotName.createSimple(jakarta.ws.rs.Path.class.getName());
        Map<String, Requires> endpoints = new TreeMap<>();
        for (ClassInfo resource : index.getKnownClasses()) {
            AnnotationInstance classPath = resource.declaredAnnotation(pathAnnotation);
            if (classPath == null || !classPath.value().asString().startsWith(prefix)) {
                continue;
            }
            for (MethodInfo method : resource.methods()) {
                for (String http : HTTP_METHODS) {
                    if (method.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + http))) {
                        AnnotationInstance methodPath = method.declaredAnnotation(pathAnnotation);
                        String path = join(classPath.value().asString(),
                                methodPath == null ? "" : methodPath.value().asString());
                        endpoints.put(http + " " + path, requiresOf(resource, method));
                    }
                }
            }
        }
        return endpoints;
    }

    private static Requires requiresOf(ClassInfo resource, MethodInfo method) {
        try {
            Class<?> type = Class.forName(resource.name().toString());
            for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
                if (m.getName().equals(method.name()) && m.getParameterCount() == method.parametersCount()) {
                    return m.getAnnotation(Requires.class);
                }
            }
            return null;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String join(String base, String sub) {
        String joined = (base + "/" + sub).replaceAll("/+", "/");
        joined = joined.replaceAll("\\{([^:}]+):[^}]*}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
