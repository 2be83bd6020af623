package io.greenribbon.hotline.contacts;

/** The presenting problems of the national 12356 contact form. */
public enum ProblemCategory {
    HEALTH, MENTAL_ILLNESS, EMOTION, SEX, LOVE, MARRIAGE, FAMILY, CHILD_EDUCATION, OTHER
}
