package io.greenribbon.counsellors;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Languages and specialties as stored: trimmed, without repeats, in the order given. */
final class Labels {

    private Labels() {
    }

    static String[] languages(Collection<String> raw) {
        Set<String> out = new LinkedHashSet<>();
        raw.forEach(label -> {
            if (label != null && !label.isBlank()) {
                out.add(label.trim());
            }
        });
        return out.toArray(String[]::new);
    }

    static String[] specialties(Collection<Specialty> raw) {
        return raw.stream().distinct().map(Specialty::name).toArray(String[]::new);
    }
}
