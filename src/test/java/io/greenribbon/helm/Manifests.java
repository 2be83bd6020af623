package io.greenribbon.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The objects of one {@code helm template} output. */
record Manifests(String yaml, List<JsonNode> objects) {

    private static final YAMLMapper YAML = new YAMLMapper();

    static Manifests parse(String yaml) {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNextValue()) {
                JsonNode doc = docs.nextValue();
                if (doc != null && doc.has("kind")) {
                    objects.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("helm template printed invalid YAML", e);
        }
        return new Manifests(yaml, List.copyOf(objects));
    }

    Stream<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText()));
    }

    boolean has(String kind, String name) {
        return ofKind(kind).anyMatch(o -> name.equals(o.at("/metadata/name").asText()));
    }

    JsonNode get(String kind, String name) {
        return ofKind(kind).filter(o -> name.equals(o.at("/metadata/name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in:\n" + names()));
    }

    /** The greenribbon service Deployment of the release. */
    JsonNode service() {
        return get("Deployment", Chart.FULLNAME);
    }

    JsonNode keycloak() {
        return get("Deployment", Chart.FULLNAME + "-keycloak");
    }

    /** Pod specs of every workload: Deployments, Jobs and bare Pods (helm test). */
    Stream<JsonNode> podSpecs() {
        return objects.stream().map(o -> switch (o.path("kind").asText()) {
            case "Deployment", "Job" -> o.at("/spec/template/spec");
            case "Pod" -> o.at("/spec");
            default -> null;
        }).filter(spec -> spec != null && !spec.isMissingNode());
    }

    List<String> names() {
        return objects.stream().map(o -> o.path("kind").asText() + "/" + o.at("/metadata/name").asText()).toList();
    }
}
