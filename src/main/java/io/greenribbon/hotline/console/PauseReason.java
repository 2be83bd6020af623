package io.greenribbon.hotline.console;

import java.util.Arrays;

/** The reasons a counsellor pauses with on the desk (recorded with the presence, shown to supervisors). */
public enum PauseReason {
    BREAK, MEAL, TRAINING, SUPERVISION, ADMIN, OTHER;

    static PauseReason of(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst().orElse(OTHER);
    }

    /** How the presence records it (the API's reason pattern: letters, digits, spaces and - _ .). */
    public String recorded() {
        return name().toLowerCase().replace('_', '-');
    }
}
