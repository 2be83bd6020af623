package io.greenribbon.risk;

import io.greenribbon.problem.ProblemException;
import jakarta.validation.constraints.NotNull;

/**
 * The C-SSRS screener (past month unless noted), its skip logic, and the level it gives
 * ({@code domain.md}): questions 1 and 2 always; 3 to 5 only when 2 is yes; 6 always, with whether it was
 * within the past three months when yes. Any yes to 1 or 2 is low, 3 moderate, 4 or 5 high, 6 high
 * within three months and moderate before.
 */
public final class Cssrs {

    /**
     * @param wishedDead        1. wished you were dead or could go to sleep and not wake up
     * @param suicidalThoughts  2. actual thoughts of killing yourself
     * @param thoughtOfMethod   3. thought about how you might do this (only when 2 is yes)
     * @param intent            4. had these thoughts with some intention of acting on them (only when 2 is yes)
     * @param planAndIntent     5. worked out details of how, and intend to carry it out (only when 2 is yes)
     * @param suicidalBehaviour 6. ever done, started or prepared anything to end your life
     * @param behaviourPastThreeMonths whether that was within the past three months (only when 6 is yes)
     */
    public record Answers(@NotNull Boolean wishedDead, @NotNull Boolean suicidalThoughts, Boolean thoughtOfMethod,
                   Boolean intent, Boolean planAndIntent, @NotNull Boolean suicidalBehaviour,
                   Boolean behaviourPastThreeMonths) {
    }

    private Cssrs() {
    }

    /** Fails with 400 naming every question asked when it must not be, or missing when it must be. */
    static void checkSkipLogic(Answers a) {
        ProblemException problem = null;
        boolean thoughts = a.suicidalThoughts();
        String[] followOn = {"thoughtOfMethod", "intent", "planAndIntent"};
        Boolean[] answers = {a.thoughtOfMethod(), a.intent(), a.planAndIntent()};
        for (int i = 0; i < followOn.length; i++) {
            if (thoughts && answers[i] == null) {
                problem = add(problem, "answers." + followOn[i], "asked when suicidalThoughts is yes: answer it");
            } else if (!thoughts && answers[i] != null) {
                problem = add(problem, "answers." + followOn[i], "not asked when suicidalThoughts is no: leave it out");
            }
        }
        if (a.suicidalBehaviour() && a.behaviourPastThreeMonths() == null) {
            problem = add(problem, "answers.behaviourPastThreeMonths", "needed when suicidalBehaviour is yes");
        } else if (!a.suicidalBehaviour() && a.behaviourPastThreeMonths() != null) {
            problem = add(problem, "answers.behaviourPastThreeMonths", "only when suicidalBehaviour is yes");
        }
        if (problem != null) {
            throw problem;
        }
    }

    /**
     * The level the answers give. A question not answered yet counts as "no", so that a contact form can
     * show the level as the screener is answered (and the complete screening gives the same level).
     */
    public static RiskLevel level(Answers a) {
        boolean thoughts = yes(a.suicidalThoughts());
        boolean behaviour = yes(a.suicidalBehaviour());
        if (thoughts && (yes(a.intent()) || yes(a.planAndIntent()))) {
            return RiskLevel.HIGH;
        }
        if (behaviour && yes(a.behaviourPastThreeMonths())) {
            return RiskLevel.HIGH;
        }
        if ((thoughts && yes(a.thoughtOfMethod())) || behaviour) {
            return RiskLevel.MODERATE;
        }
        if (yes(a.wishedDead()) || thoughts) {
            return RiskLevel.LOW;
        }
        return RiskLevel.NONE;
    }

    /** Whether questions 3 to 5 are asked: only after a yes to question 2. */
    public static boolean asksFollowOn(Answers a) {
        return yes(a.suicidalThoughts());
    }

    /** Whether "within the past three months" is asked: only after a yes to question 6. */
    public static boolean asksRecency(Answers a) {
        return yes(a.suicidalBehaviour());
    }

    private static boolean yes(Boolean answer) {
        return Boolean.TRUE.equals(answer);
    }

    private static ProblemException add(ProblemException problem, String field, String message) {
        return problem == null ? ProblemException.invalid(field, message) : problem.field(field, message);
    }
}
