package io.greenribbon.hotline;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Set;

/** The test profile whose open risk cases a test declares ({@link ScriptedRiskLookup}). */
public class ScriptedRisk implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ScriptedRiskLookup.class);
    }
}
