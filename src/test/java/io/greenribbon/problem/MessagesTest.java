package io.greenribbon.problem;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The Chinese and English texts stay in step, and every error type has a title in both. */
class MessagesTest {

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(load("/i18n/messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("/i18n/messages.properties").stringPropertyNames());
    }

    @Test
    void everyProblemTypeHasATitleInBothLanguages() {
        for (ProblemType type : ProblemType.values()) {
            assertThat(Messages.text(Messages.DEFAULT, type.titleKey())).as(type + " in Chinese").isNotEqualTo(type.titleKey());
            assertThat(Messages.text(Locale.ENGLISH, type.titleKey())).as(type + " in English").isNotEqualTo(type.titleKey());
        }
    }

    @Test
    void chineseIsTheDefaultAndEnglishIsChosenByAcceptLanguage() {
        assertThat(Messages.pick(java.util.List.of(Locale.forLanguageTag("fr"), Locale.forLanguageTag("en-US"))))
                .isEqualTo(Locale.ENGLISH);
        assertThat(Messages.pick(java.util.List.of(Locale.forLanguageTag("de")))).isEqualTo(Messages.DEFAULT);
        assertThat(Messages.text(Messages.DEFAULT, "problem.not-found.title")).isEqualTo("未找到");
    }

    /**
     * Texts with arguments go through MessageFormat, which drops a lone apostrophe and wants it doubled;
     * texts without are shown as written, where a doubled one would show twice.
     */
    @Test
    void apostrophesAreWrittenForHowEachTextIsShown() throws IOException {
        for (String bundle : List.of("/i18n/messages.properties", "/i18n/messages_en.properties")) {
            Properties texts = load(bundle);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (text.matches("(?s).*\\{\\d+[^}]*}.*")) {
                    assertThat(text.replace("''", "")).as(bundle + " " + key).doesNotContain("'");
                } else {
                    assertThat(text).as(bundle + " " + key).doesNotContain("''");
                }
            }
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
