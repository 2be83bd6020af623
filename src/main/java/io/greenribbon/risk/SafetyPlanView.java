package io.greenribbon.risk;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * The Stanley-Brown safety plan, section by section, in the person's own words.
 *
 * @param warningSigns        thoughts, moods, situations that signal a crisis is coming
 * @param internalCoping      what the person can do alone to take their mind off the problems
 * @param socialDistractions  people and places that provide distraction
 * @param peopleToAsk         people the person can ask for help
 * @param professionals       professionals and agencies to contact in a crisis (the hotline, 120, a clinic)
 * @param safeEnvironment     making the environment safe (means the person will put away)
 * @param reasonsForLiving    what is worth living for
 */
public record SafetyPlanView(
        @NotNull @Size(max = 20) List<@Size(max = 500) String> warningSigns,
        @NotNull @Size(max = 20) List<@Size(max = 500) String> internalCoping,
        @NotNull @Size(max = 20) List<@Size(max = 500) String> socialDistractions,
        @NotNull @Size(max = 20) List<@Size(max = 500) String> peopleToAsk,
        @NotNull @Size(max = 20) List<@Size(max = 500) String> professionals,
        @NotNull @Size(max = 20) List<@Size(max = 500) String> safeEnvironment,
        @Size(max = 20) List<@Size(max = 500) String> reasonsForLiving,
        Integer version, Instant updatedAt, @Size(max = 255) String updatedBy) {

    /** The sections alone, as sealed (who and when live in their own columns). */
    SafetyPlanView sections() {
        return new SafetyPlanView(warningSigns, internalCoping, socialDistractions, peopleToAsk, professionals,
                safeEnvironment, reasonsForLiving == null ? List.of() : reasonsForLiving, null, null, null);
    }

    SafetyPlanView stamped(SafetyPlan plan) {
        return new SafetyPlanView(warningSigns, internalCoping, socialDistractions, peopleToAsk, professionals,
                safeEnvironment, reasonsForLiving, plan.version, plan.updatedAt, plan.updatedBy);
    }
}
