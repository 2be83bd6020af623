-- The schema owner (who runs these migrations) keeps DDL; the service logs in as ${app_role} and gets
-- only the data rights granted here and in later migrations.
GRANT USAGE ON SCHEMA public TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO ${app_role};

-- The administrative tree. A code has 2 (province), 4 (city), 6 (county or district), 9 (township or
-- street) or 12 (village or community) digits, and its parent's code is its own code cut to the level
-- above, so "within a jurisdiction" is a prefix match.
CREATE TABLE division (
    code        varchar(12)  PRIMARY KEY
                CHECK (code ~ '^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?)?$'),
    parent_code varchar(12)  GENERATED ALWAYS AS (
                    CASE length(code) WHEN 4 THEN left(code, 2) WHEN 6 THEN left(code, 4)
                                      WHEN 9 THEN left(code, 6) WHEN 12 THEN left(code, 9) END) STORED
                REFERENCES division (code),
    level       varchar(8)   GENERATED ALWAYS AS (
                    CASE length(code) WHEN 2 THEN 'PROVINCE' WHEN 4 THEN 'CITY' WHEN 6 THEN 'COUNTY'
                                      WHEN 9 THEN 'TOWNSHIP' ELSE 'VILLAGE' END) STORED,
    name        varchar(100) NOT NULL CHECK (length(trim(name)) > 0),
    name_en     varchar(100)
);
CREATE INDEX division_parent_idx ON division (parent_code);
CREATE INDEX division_code_prefix_idx ON division (code text_pattern_ops);
