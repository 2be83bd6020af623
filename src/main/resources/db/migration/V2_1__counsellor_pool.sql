-- The pool in full: resident ID number (the import's key), languages and dialects, specialties, and any
-- number of professional credentials per counsellor.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE counsellor
    -- Resident identity card number (GB 11643): 17 digits and a check character.
    ADD COLUMN id_number   varchar(18) UNIQUE CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
    -- Free labels such as 普通话 or 河北方言: dialects are too many for a fixed list.
    ADD COLUMN languages   varchar(40)[] NOT NULL DEFAULT '{}'
        CHECK (array_position(languages, NULL) IS NULL AND cardinality(languages) <= 12),
    ADD COLUMN specialties varchar(32)[] NOT NULL DEFAULT '{}'
        CHECK (specialties <@ ARRAY['YOUTH', 'CHILDREN', 'OLDER_PEOPLE', 'BEREAVEMENT', 'FAMILY_MARRIAGE',
                                    'DOMESTIC_VIOLENCE', 'PRISON_RETURNEES', 'ADDICTION', 'CRISIS_INTERVENTION',
                                    'SEVERE_MENTAL_ILLNESS', 'TRAUMA', 'WORKPLACE_STRESS', 'EDUCATION_STRESS',
                                    'SEXUAL_HEALTH']::varchar(32)[]);

CREATE INDEX counsellor_languages_idx ON counsellor USING gin (languages);
CREATE INDEX counsellor_specialties_idx ON counsellor USING gin (specialties);
CREATE INDEX counsellor_name_trgm_idx ON counsellor USING gin (full_name gin_trgm_ops);
CREATE INDEX counsellor_status_idx ON counsellor (status);

CREATE SEQUENCE counsellor_credential_seq INCREMENT BY 50;

CREATE TABLE counsellor_credential (
    id                 bigint       PRIMARY KEY DEFAULT nextval('counsellor_credential_seq'),
    counsellor_id      bigint       NOT NULL REFERENCES counsellor (id) ON DELETE CASCADE,
    -- Certificate numbers are issued nationally; one number names one certificate of one person.
    certificate_number varchar(40)  NOT NULL UNIQUE CHECK (length(trim(certificate_number)) > 0),
    level              varchar(60)  NOT NULL CHECK (length(trim(level)) > 0),
    issuer             varchar(100) NOT NULL CHECK (length(trim(issuer)) > 0),
    valid_from         date         NOT NULL,
    valid_until        date,
    -- Set once by the daily expiry check when the end of validity comes near; cleared on renewal.
    expiry_flagged_at  timestamptz,
    version            integer      NOT NULL DEFAULT 0,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX counsellor_credential_counsellor_idx ON counsellor_credential (counsellor_id);
CREATE INDEX counsellor_credential_valid_until_idx ON counsellor_credential (valid_until);
