package io.greenribbon.problem;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
