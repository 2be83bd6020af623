package io.greenribbon.risk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The C-SSRS screener exactly as domain.md gives it. */
class CssrsTest {

    private static Cssrs.Answers a(Boolean q1, Boolean q2, Boolean q3, Boolean q4, Boolean q5, Boolean q6, Boolean recent) {
        return new Cssrs.Answers(q1, q2, q3, q4, q5, q6, recent);
    }

    @Test
    void eachQuestionGivesTheLevelOfTheTable() {
        assertThat(Cssrs.level(a(false, false, null, null, null, false, null))).isEqualTo(RiskLevel.NONE);
        assertThat(Cssrs.level(a(true, false, null, null, null, false, null))).isEqualTo(RiskLevel.LOW);
        assertThat(Cssrs.level(a(false, true, false, false, false, false, null))).isEqualTo(RiskLevel.LOW);
        assertThat(Cssrs.level(a(true, true, true, false, false, false, null))).isEqualTo(RiskLevel.MODERATE);
        assertThat(Cssrs.level(a(true, true, false, true, false, false, null))).isEqualTo(RiskLevel.HIGH);
        assertThat(Cssrs.level(a(true, true, false, false, true, false, null))).isEqualTo(RiskLevel.HIGH);
        assertThat(Cssrs.level(a(false, false, null, null, null, true, true))).isEqualTo(RiskLevel.HIGH);
        assertThat(Cssrs.level(a(false, false, null, null, null, true, false))).isEqualTo(RiskLevel.MODERATE);
        assertThat(Cssrs.level(a(true, true, true, false, false, true, false))).isEqualTo(RiskLevel.MODERATE);
    }

    @Test
    void skipLogicRefusesFollowOnAnswersWithoutThoughtsAndRequiresThemWithThoughts() {
        assertThatThrownBy(() -> Cssrs.checkSkipLogic(a(true, false, false, null, null, false, null)))
                .hasMessageContaining("validation");
        assertThatThrownBy(() -> Cssrs.checkSkipLogic(a(true, true, true, null, false, false, null)))
                .hasMessageContaining("validation");
        assertThatThrownBy(() -> Cssrs.checkSkipLogic(a(true, false, null, null, null, true, null)))
                .hasMessageContaining("validation");
        assertThatThrownBy(() -> Cssrs.checkSkipLogic(a(true, false, null, null, null, false, true)))
                .hasMessageContaining("validation");
        Cssrs.checkSkipLogic(a(true, true, false, false, false, true, true));
    }

    /**
     * A contact form shows the level as the screener is answered, by this same rule: a question not answered
     * yet counts as no, a follow-on answer without a yes to question 2 counts for nothing, and the finished
     * screening gives the level the partial one showed last.
     */
    @Test
    void theLevelAsAnsweredSoFarIsTheSameRuleWithUnansweredQuestionsCountingAsNo() {
        assertThat(Cssrs.level(a(null, null, null, null, null, null, null))).isEqualTo(RiskLevel.NONE);
        assertThat(Cssrs.level(a(true, null, null, null, null, null, null))).isEqualTo(RiskLevel.LOW);
        assertThat(Cssrs.level(a(true, true, true, null, null, null, null))).isEqualTo(RiskLevel.MODERATE);
        assertThat(Cssrs.level(a(true, true, true, true, null, null, null))).isEqualTo(RiskLevel.HIGH);
        assertThat(Cssrs.level(a(true, false, true, true, true, null, null))).as("follow-ons without thoughts")
                .isEqualTo(RiskLevel.LOW);
        assertThat(Cssrs.level(a(false, false, null, null, null, true, null))).isEqualTo(RiskLevel.MODERATE);
        assertThat(Cssrs.level(a(false, false, null, null, null, false, true))).as("recency without behaviour")
                .isEqualTo(RiskLevel.NONE);
        assertThat(Cssrs.asksFollowOn(a(true, null, null, null, null, null, null))).isFalse();
        assertThat(Cssrs.asksFollowOn(a(true, true, null, null, null, null, null))).isTrue();
        assertThat(Cssrs.asksRecency(a(true, true, null, null, null, true, null))).isTrue();
    }
}
