package io.greenribbon.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The chart in {@code helm/greenribbon}, linted and rendered by the real Helm library that helm-java
 * carries (Helm 3.16 compiled for linux-amd64).
 */
final class Chart {

    static final Path DIR = Path.of("helm/greenribbon");
    static final String RELEASE = "gr";
    static final String NAMESPACE = "hotline";
    static final String FULLNAME = RELEASE + "-greenribbon";

    /** Placeholder credentials for renders that must not depend on generated randomness. */
    static final String GIVEN_SECRETS = """
            secrets:
              generate: false
              values:
                dbPassword: app-pw-9f3a
                dbOwnerPassword: owner-pw-7c1e
                dbCdrPassword: cdr-pw-4b8d
                amiSecret: ami-pw-2d6f
                cryptoKeys: k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=
                callerHmacKey: hmac-key-5e0a
                auditChainKeys: a1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=
                serviceClientSecret: client-pw-8a2c
                webSessionSecret: web-session-key-3b7e0c5d9a1f4e2b8c6d0a7f
                keycloakAdminPassword: kc-admin-pw-1f9b
                keycloakDbPassword: kc-db-pw-6d3e
            """;

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Path WORK = Path.of("target/helm-test");
    private static final AtomicInteger OVERLAYS = new AtomicInteger();

    private Chart() {
    }

    /** The ci/*-values.yaml files CI lints and renders. */
    static List<Path> ciValues() {
        try (Stream<Path> files = Files.list(DIR.resolve("ci"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-values.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path ci(String name) {
        return DIR.resolve("ci").resolve(name + "-values.yaml");
    }

    /**
     * Renders the chart like {@code helm template gr helm/greenribbon -n hotline -f base -f overlay...},
     * hooks included; each overlay is a YAML snippet applied in order.
     *
     * <p>Unlike the helm CLI, helm-java's template prints no hook objects. So this renders a copy of the
     * chart in which the annotation key {@code helm.sh/hook} is renamed to {@value #HOOK} (nothing else
     * changes), which makes Helm print the hooks as ordinary objects, annotation included.
     */
    static Manifests render(Path base, String... overlays) {
        return render(withVisibleHooks(), base, overlays);
    }

    /** Renders the chart directory itself (no hook objects), through its symbolic link to the realm. */
    static Manifests renderInPlace(Path base, String... overlays) {
        return render(DIR, base, overlays);
    }

    /** The renamed hook annotation in the output of {@link #render}. */
    static final String HOOK = "rendered-as-object.greenribbon.test/hook";

    private static Path hookCopy;

    private static synchronized Path withVisibleHooks() {
        if (hookCopy == null) {
            Path copy = WORK.resolve("hooks-visible").resolve("greenribbon");
            try {
                copyTree(DIR, copy);
                int renamed = 0;
                try (Stream<Path> files = Files.walk(copy.resolve("templates"))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                        String text = Files.readString(file);
                        String visible = text.replace("helm.sh/hook:", HOOK + ":");
                        if (!visible.equals(text)) {
                            renamed++;
                            Files.writeString(file, visible);
                        }
                    }
                }
                if (renamed == 0) {
                    throw new IllegalStateException("no helm.sh/hook annotation found in the chart's templates");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            hookCopy = copy;
        }
        return hookCopy;
    }

    private static Manifests render(Path chart, Path base, String... overlays) {
        TemplateCommand template = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withValuesFile(base);
        for (String overlay : overlays) {
            template = template.withValuesFile(write("overlay-" + OVERLAYS.incrementAndGet() + ".yaml", overlay));
        }
        return Manifests.parse(template.call());
    }

    /**
     * {@code helm install --dry-run=client}: Helm's report of an install, NOTES included (no objects).
     */
    static String installDryRun(Path base, String... overlays) {
        InstallCommand install = new Helm(DIR).install().withName(RELEASE).withNamespace(NAMESPACE)
                .dryRun().withDryRunOption(DryRun.CLIENT).clientOnly().withValuesFile(base);
        for (String overlay : overlays) {
            install = install.withValuesFile(write("overlay-" + OVERLAYS.incrementAndGet() + ".yaml", overlay));
        }
        return install.call().getOutput();
    }

    /** The error Helm reports for these values, or fails when it renders them. */
    static String renderError(Path base, String... overlays) {
        try {
            render(base, overlays);
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        throw new AssertionError("Helm rendered the chart although the values are invalid");
    }

    /** Renders a copy of the chart in which one file is replaced, and returns Helm's error. */
    static String renderErrorWithFile(String relativePath, String content, Path values) {
        Path copy = WORK.resolve("variant").resolve("greenribbon");
        try {
            copyTree(DIR, copy);
            Files.delete(copy.resolve(relativePath));
            Files.writeString(copy.resolve(relativePath), content);
            new Helm(copy).template().withName(RELEASE).withNamespace(NAMESPACE).withValuesFile(values).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        throw new AssertionError("Helm rendered the chart with the replaced " + relativePath);
    }

    /**
     * {@code helm lint --strict -f values}. helm-java's lint takes no values file, so it lints a copy of
     * the chart whose values.yaml is the chart's own with the file merged over it, as Helm merges them;
     * symbolic links stay links (to the same targets), so the copy loads exactly as the chart does.
     */
    static LintResult lint(Path valuesFile) {
        String name = valuesFile.getFileName().toString().replace(".yaml", "");
        Path copy = WORK.resolve("lint").resolve(name).resolve("greenribbon");
        try {
            copyTree(DIR, copy);
            ObjectNode merged = (ObjectNode) YAML.readTree(DIR.resolve("values.yaml").toFile());
            merge(merged, (ObjectNode) YAML.readTree(valuesFile.toFile()));
            YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Helm(copy).lint().strict().call();
    }

    private static void merge(ObjectNode target, ObjectNode override) {
        for (Iterator<Map.Entry<String, JsonNode>> it = override.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode current = target.get(field.getKey());
            if (field.getValue().isNull()) {
                target.remove(field.getKey());
            } else if (current instanceof ObjectNode currentObject && field.getValue() instanceof ObjectNode next) {
                merge(currentObject, next);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        deleteTree(to);
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isSymbolicLink(source)) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, source.toRealPath());
                } else if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static Path write(String fileName, String content) {
        try {
            Files.createDirectories(WORK);
            return Files.writeString(WORK.resolve(fileName), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
