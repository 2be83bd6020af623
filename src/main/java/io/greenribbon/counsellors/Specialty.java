package io.greenribbon.counsellors;

/** What a pool member is experienced in; the database checks the same list. */
public enum Specialty {
    YOUTH, CHILDREN, OLDER_PEOPLE, BEREAVEMENT, FAMILY_MARRIAGE, DOMESTIC_VIOLENCE, PRISON_RETURNEES, ADDICTION,
    CRISIS_INTERVENTION, SEVERE_MENTAL_ILLNESS, TRAUMA, WORKPLACE_STRESS, EDUCATION_STRESS, SEXUAL_HEALTH
}
