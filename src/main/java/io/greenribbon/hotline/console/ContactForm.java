package io.greenribbon.hotline.console;

import io.greenribbon.hotline.contacts.ContactPatch;
import io.greenribbon.hotline.contacts.ProblemCategory;
import io.greenribbon.risk.Cssrs;
import io.greenribbon.risk.RiskLevel;
import io.greenribbon.risk.RiskScreening;
import io.greenribbon.risk.SafetyPlanView;
import io.greenribbon.risk.ScreeningRequest;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The contact form as the counsellor filled it in (the 12356 record, the C-SSRS screener, the imminent flag,
 * a level request and the safety plan), read from the posted form. The screener's answers are "yes", "no"
 * or not given; the level rule itself stays in {@link Cssrs}.
 */
public record ContactForm(String requestKey, Set<ProblemCategory> problems, String notes, boolean repeatCaller,
                          boolean difficult, boolean highCrisis, boolean callbackRequested, Cssrs.Answers answers,
                          boolean imminent, RiskScreening.ImminentBasis imminentBasis, RiskLevel level,
                          String levelReason, Map<String, String> plan) {

    /** The questions of the screener, in order, as form fields (and the answers' record components). */
    public static final List<String> QUESTIONS = List.of("wishedDead", "suicidalThoughts", "thoughtOfMethod", "intent",
            "planAndIntent", "suicidalBehaviour", "behaviourPastThreeMonths");
    /** The safety plan's sections, as form fields. */
    public static final List<String> PLAN = List.of("warningSigns", "internalCoping", "socialDistractions",
            "peopleToAsk", "professionals", "safeEnvironment", "reasonsForLiving");

    /** An empty form, opened now: its key makes a second send of the same form record nothing more. */
    public static ContactForm opened(boolean repeatCaller) {
        return new ContactForm(newKey(), EnumSet.noneOf(ProblemCategory.class), "", repeatCaller, false, false, false,
                new Cssrs.Answers(null, null, null, null, null, null, null), false, null, null, "", emptyPlan());
    }

    public static String newKey() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    public static ContactForm of(MultivaluedMap<String, String> f) {
        Set<ProblemCategory> problems = EnumSet.noneOf(ProblemCategory.class);
        for (String p : list(f, "problems")) {
            Arrays.stream(ProblemCategory.values()).filter(c -> c.name().equals(p)).forEach(problems::add);
        }
        Map<String, String> plan = new LinkedHashMap<>();
        PLAN.forEach(section -> plan.put(section, text(f, "plan." + section)));
        String key = text(f, "requestKey");
        return new ContactForm(key.matches("^[A-Za-z0-9_-]{8,64}$") ? key : newKey(), problems, text(f, "notes"),
                checked(f, "repeatCaller"), checked(f, "difficult"), checked(f, "highCrisis"),
                checked(f, "callbackRequested"), answers(f), checked(f, "imminent"),
                enumOf(RiskScreening.ImminentBasis.class, text(f, "imminentBasis")),
                enumOf(RiskLevel.class, text(f, "level")), text(f, "levelReason"), plan);
    }

    /** The screener's answers as given so far (null: not answered). */
    public static Cssrs.Answers answers(MultivaluedMap<String, String> f) {
        return new Cssrs.Answers(yesNo(f, "wishedDead"), yesNo(f, "suicidalThoughts"), yesNo(f, "thoughtOfMethod"),
                yesNo(f, "intent"), yesNo(f, "planAndIntent"), yesNo(f, "suicidalBehaviour"),
                yesNo(f, "behaviourPastThreeMonths"));
    }

    /** Whether the counsellor started the screener at all. */
    public boolean screened() {
        return QUESTIONS.stream().anyMatch(q -> answer(q) != null) || imminent;
    }

    public Boolean answer(String question) {
        return switch (question) {
            case "wishedDead" -> answers.wishedDead();
            case "suicidalThoughts" -> answers.suicidalThoughts();
            case "thoughtOfMethod" -> answers.thoughtOfMethod();
            case "intent" -> answers.intent();
            case "planAndIntent" -> answers.planAndIntent();
            case "suicidalBehaviour" -> answers.suicidalBehaviour();
            case "behaviourPastThreeMonths" -> answers.behaviourPastThreeMonths();
            default -> throw new IllegalArgumentException(question);
        };
    }

    /** The questions the screener asks with these answers (3 to 5 after a yes to 2; the recency after a yes to 6). */
    public List<String> asked() {
        List<String> asked = new ArrayList<>(List.of("wishedDead", "suicidalThoughts"));
        if (Cssrs.asksFollowOn(answers)) {
            asked.addAll(List.of("thoughtOfMethod", "intent", "planAndIntent"));
        }
        asked.add("suicidalBehaviour");
        if (Cssrs.asksRecency(answers)) {
            asked.add("behaviourPastThreeMonths");
        }
        return asked;
    }

    /** The level the answers give so far, by the screener's own rule. */
    public RiskLevel computedLevel() {
        return Cssrs.level(answers);
    }

    public boolean planGiven() {
        return plan.values().stream().anyMatch(v -> !v.isBlank());
    }

    /** The screening to record, with only the questions the screener asked. */
    ScreeningRequest screening(long contactId) {
        boolean followOn = Cssrs.asksFollowOn(answers);
        boolean recency = Cssrs.asksRecency(answers);
        Cssrs.Answers asked = new Cssrs.Answers(answers.wishedDead(), answers.suicidalThoughts(),
                followOn ? answers.thoughtOfMethod() : null, followOn ? answers.intent() : null,
                followOn ? answers.planAndIntent() : null, answers.suicidalBehaviour(),
                recency ? answers.behaviourPastThreeMonths() : null);
        RiskLevel asLevel = imminent ? null : level;
        return new ScreeningRequest(contactId, null, null, null, asked, imminent, imminent ? imminentBasis : null,
                asLevel, levelReason.isBlank() ? null : levelReason, null, null, null, requestKey);
    }

    ContactPatch patch(boolean highRisk) {
        return new ContactPatch(problems, notes, repeatCaller, difficult, highCrisis || highRisk, callbackRequested, null);
    }

    SafetyPlanView plan(Integer version) {
        return new SafetyPlanView(lines("warningSigns"), lines("internalCoping"), lines("socialDistractions"),
                lines("peopleToAsk"), lines("professionals"), lines("safeEnvironment"), lines("reasonsForLiving"),
                version, null, null);
    }

    /** One entry per line of a section's text box. */
    List<String> lines(String section) {
        return plan.getOrDefault(section, "").lines().map(String::strip).filter(l -> !l.isEmpty()).limit(20).toList();
    }

    static Map<String, String> emptyPlan() {
        Map<String, String> plan = new LinkedHashMap<>();
        PLAN.forEach(section -> plan.put(section, ""));
        return plan;
    }

    private static List<String> list(MultivaluedMap<String, String> f, String name) {
        List<String> values = f.get(name);
        return values == null ? List.of() : values;
    }

    private static String text(MultivaluedMap<String, String> f, String name) {
        String value = f.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static boolean checked(MultivaluedMap<String, String> f, String name) {
        return !text(f, name).isEmpty();
    }

    private static Boolean yesNo(MultivaluedMap<String, String> f, String name) {
        return switch (text(f, name)) {
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }
}
