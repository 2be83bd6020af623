-- Demo pool and roster. Re-run at every start (${flyway:timestamp} changes this script's checksum), so the
-- roster always covers the coming two weeks; every statement is idempotent and set-based.
-- Last applied: ${flyway:timestamp}

-- The counsellors behind the demo accounts: other features (rooms, hotline) build on these rows.
INSERT INTO counsellor (full_name, home_division, kind, status, username, max_caseload, languages, specialties) VALUES
    ('王梅', '130104', 'COUNSELLOR', 'ACTIVE', 'counsellor1', 25, '{普通话,河北方言}', '{YOUTH,CRISIS_INTERVENTION}'),
    ('张磊', '130105', 'COUNSELLOR', 'ACTIVE', 'counsellor2', 25, '{普通话}', '{FAMILY_MARRIAGE,BEREAVEMENT}'),
    ('刘军', '130104', 'PSYCHOTHERAPIST', 'ACTIVE', 'supervisor1', 15, '{普通话,河北方言}', '{CRISIS_INTERVENTION,SEVERE_MENTAL_ILLNESS}')
ON CONFLICT (username) DO NOTHING;

INSERT INTO counsellor_credential (counsellor_id, certificate_number, level, issuer, valid_from, valid_until)
SELECT c.id, v.number, v.level, v.issuer, v.valid_from, v.valid_until
FROM (VALUES
    ('counsellor1', 'HB-PC2-2019-000101', '二级心理咨询师', '人力资源和社会保障部', DATE '2019-06-01', current_date + 40),
    ('counsellor2', 'HB-PC3-2021-000102', '三级心理咨询师', '中国心理卫生协会', DATE '2021-03-15', DATE '2031-03-14'),
    ('supervisor1', 'HB-PT-2016-000103', '心理治疗师（中级）', '国家卫生健康委员会', DATE '2016-09-01', NULL))
    AS v(username, number, level, issuer, valid_from, valid_until)
JOIN counsellor c ON c.username = v.username
ON CONFLICT (certificate_number) DO NOTHING;

-- The check character of a resident ID number (GB 11643) for its first 17 digits.
CREATE OR REPLACE FUNCTION demo_id_check(first17 text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT substr('10X98765432', (sum(substr(first17, i::int, 1)::int * w) % 11)::int + 1, 1)
    FROM unnest(ARRAY[7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]) WITH ORDINALITY AS t(w, i)
$$;

-- Scales the generated pool to n members (at most 14,000), spread over the city and its 22 counties; about
-- 5.8% hold a certificate, as in the seed city (288 of 4,984). Idempotent: member i is always the same
-- person (same ID number), so calling it again adds only what is missing.
CREATE OR REPLACE FUNCTION demo_generate_counsellors(n int) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
    surnames text[] := ARRAY['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱',
                             '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于',
                             '董', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕', '苏', '卢', '蒋'];
    given text[] := ARRAY['秀英', '桂英', '建华', '志强', '海燕', '晓明', '丽娟', '国庆', '文静', '玉兰',
                          '建国', '春梅', '红霞', '立新', '淑珍', '振华', '雪梅', '永刚', '佳怡', '子涵',
                          '浩然', '欣怡', '宇轩', '思远', '雅婷', '志远', '明辉', '慧敏', '晨阳', '若曦',
                          '德明', '凤英', '国华', '亚楠', '俊杰', '婉清', '家豪', '梦琪', '天佑', '书瑶'];
    specialties text[] := ARRAY['YOUTH', 'CHILDREN', 'OLDER_PEOPLE', 'BEREAVEMENT', 'FAMILY_MARRIAGE',
                                'DOMESTIC_VIOLENCE', 'PRISON_RETURNEES', 'ADDICTION', 'CRISIS_INTERVENTION',
                                'SEVERE_MENTAL_ILLNESS', 'TRAUMA', 'WORKPLACE_STRESS', 'EDUCATION_STRESS',
                                'SEXUAL_HEALTH'];
    homes text[] := ARRAY(SELECT code FROM division WHERE parent_code = '1301' ORDER BY code) || ARRAY['1301'];
BEGIN
    IF n > 14000 THEN
        RAISE EXCEPTION 'demo_generate_counsellors: at most 14000 members, not %', n;
    END IF;
    WITH g AS (
        SELECT i, homes[(i % array_length(homes, 1)) + 1] AS home,
               rpad(homes[(i % array_length(homes, 1)) + 1], 6, '0')
                   || to_char(DATE '1960-01-01' + (i * 37) % 14000, 'YYYYMMDD') || lpad((i % 1000)::text, 3, '0')
                   AS first17
        FROM generate_series(1, n) AS i
    )
    INSERT INTO counsellor (full_name, home_division, kind, status, id_number, languages, specialties, max_caseload)
    SELECT surnames[(i * 7) % array_length(surnames, 1) + 1] || given[(i * 13 + i / 7) % array_length(given, 1) + 1],
           home,
           CASE WHEN i % 10 < 7 THEN 'COUNSELLOR' WHEN i % 10 = 7 THEN 'PSYCHOTHERAPIST' ELSE 'HEALTH_EDUCATOR' END,
           CASE WHEN i % 33 = 5 THEN 'SUSPENDED' WHEN i % 33 = 9 THEN 'LEFT' ELSE 'ACTIVE' END,
           first17 || demo_id_check(first17),
           ARRAY['普通话']::varchar(40)[]
               || CASE WHEN i % 5 < 2 THEN ARRAY['河北方言']::varchar(40)[] ELSE '{}' END
               || CASE WHEN i % 37 = 3 THEN ARRAY['English']::varchar(40)[] ELSE '{}' END
               || CASE WHEN i % 97 = 11 THEN ARRAY['中国手语']::varchar(40)[] ELSE '{}' END,
           ARRAY(SELECT DISTINCT specialties[((i * k * 5 + k) % 14) + 1] FROM generate_series(1, 1 + i % 3) AS k)
               ::varchar(32)[],
           10 + (i % 5) * 5
    FROM g
    ON CONFLICT (id_number) DO NOTHING;

    -- Certificates: 10 in every 173 members; a few run out within the next two months.
    WITH g AS (
        SELECT i, rpad(homes[(i % array_length(homes, 1)) + 1], 6, '0')
                   || to_char(DATE '1960-01-01' + (i * 37) % 14000, 'YYYYMMDD') || lpad((i % 1000)::text, 3, '0')
                   AS first17
        FROM generate_series(1, n) AS i
        WHERE i % 173 < 10
    )
    INSERT INTO counsellor_credential (counsellor_id, certificate_number, level, issuer, valid_from, valid_until)
    SELECT c.id, 'HB-' || CASE WHEN i % 4 = 0 THEN 'PT' ELSE 'PC' END || '-' || lpad(i::text, 6, '0'),
           CASE WHEN i % 4 = 0 THEN '心理治疗师（中级）' WHEN i % 2 = 0 THEN '二级心理咨询师' ELSE '三级心理咨询师' END,
           CASE WHEN i % 4 = 0 THEN '国家卫生健康委员会' ELSE '河北省心理卫生协会' END,
           DATE '2015-01-01' + (i * 11) % 2500,
           CASE WHEN i % 17 = 0 THEN current_date + (i % 55) + 1
                WHEN i % 4 = 0 THEN NULL
                ELSE DATE '2015-01-01' + (i * 11) % 2500 + 3650 END
    FROM g JOIN counsellor c ON c.id_number = g.first17 || demo_id_check(g.first17)
    ON CONFLICT (certificate_number) DO NOTHING;

    RETURN (SELECT count(*) FROM counsellor WHERE id_number IS NOT NULL);
END $$;

SELECT demo_generate_counsellors(600);

-- Minimum staffing: the city line needs 3 seats on weekdays 08:00-22:00 (2 otherwise, the 12356 rule);
-- Qiaoxi and Xinhua keep a county line with 1 seat on weekdays 09:00-16:00 (Qiaoxi misses one day).
INSERT INTO staffing_minimum (line_division, day_of_week, hour, seats)
SELECT '1301', d, h, 3 FROM generate_series(1, 5) d, generate_series(8, 21) h
UNION ALL
SELECT county, d, h, 1 FROM unnest(ARRAY['130104', '130105']) county, generate_series(1, 5) d, generate_series(9, 15) h
ON CONFLICT DO NOTHING;

-- The roster of the coming two weeks. City line: 06-14 and 14-22 (3 seats on weekdays, 2 at weekends) and a
-- night shift 22-06 across midnight (2 seats); counsellor1 takes 08-16 every day. Gaps to find: the night
-- starting in 4 days has one counsellor, and the first weekday afternoon a week ahead has two.
CREATE OR REPLACE FUNCTION demo_generate_roster(first_day date, days int) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
    staff bigint[] := ARRAY(SELECT id FROM counsellor WHERE status = 'ACTIVE' AND id_number IS NOT NULL
                            ORDER BY id LIMIT 90);
    qiaoxi bigint[] := ARRAY(SELECT id FROM counsellor WHERE status = 'ACTIVE' AND id_number IS NOT NULL
                             AND home_division = '130104' ORDER BY id DESC LIMIT 6);
    short_afternoon date := (SELECT d::date FROM generate_series(first_day + 7, first_day + 13, interval '1 day') d
                             WHERE extract(isodow FROM d) < 6 ORDER BY d LIMIT 1);
    before int := (SELECT count(*) FROM roster_shift);
BEGIN
    WITH dates AS (
        SELECT d::date AS day FROM generate_series(first_day, first_day + days - 1, interval '1 day') AS d
    ), slots AS (
        SELECT day, s.slot, s.start_h, s.hours, seat, (extract(isodow FROM day) >= 6) AS weekend
        FROM dates,
             (VALUES (0, 6, 8), (1, 14, 8), (2, 22, 8)) AS s(slot, start_h, hours),
             generate_series(0, 2) AS seat
    ), wanted AS (
        SELECT day, slot, start_h, hours, seat FROM slots
        WHERE NOT (slot = 2 AND seat = 2)
          AND NOT (weekend AND seat = 2)
          AND NOT (day = first_day + 4 AND slot = 2 AND seat = 1)
          AND NOT (day = short_afternoon AND slot = 1 AND seat = 2)
    ), placed AS (
        SELECT staff[((day - DATE '2000-01-01') * 8 + slot * 3 + seat) % array_length(staff, 1) + 1] AS counsellor_id,
               '1301' AS line,
               (day + make_interval(hours => start_h)) AT TIME ZONE 'Asia/Shanghai' AS starts_at,
               (day + make_interval(hours => start_h + hours)) AT TIME ZONE 'Asia/Shanghai' AS ends_at
        FROM wanted
        UNION ALL
        SELECT c.id, '1301', (day + interval '8 hours') AT TIME ZONE 'Asia/Shanghai',
               (day + interval '16 hours') AT TIME ZONE 'Asia/Shanghai'
        FROM dates JOIN counsellor c ON c.username = 'counsellor1'
        UNION ALL
        SELECT c.id, '130105', (day + interval '8 hours') AT TIME ZONE 'Asia/Shanghai',
               (day + interval '16 hours') AT TIME ZONE 'Asia/Shanghai'
        FROM dates JOIN counsellor c ON c.username = 'counsellor2'
        WHERE extract(isodow FROM day) < 6
        UNION ALL
        SELECT qiaoxi[(day - DATE '2000-01-01') % array_length(qiaoxi, 1) + 1], '130104',
               (day + interval '9 hours') AT TIME ZONE 'Asia/Shanghai',
               (day + interval '17 hours') AT TIME ZONE 'Asia/Shanghai'
        FROM dates
        WHERE extract(isodow FROM day) < 6 AND day <> first_day + 2
    )
    INSERT INTO roster_shift (counsellor_id, line_division, starts_at, ends_at, created_by)
    SELECT p.counsellor_id, p.line, p.starts_at, p.ends_at, 'demo'
    FROM placed p
    WHERE p.counsellor_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM roster_shift s WHERE s.counsellor_id = p.counsellor_id
                      AND s.status = 'SCHEDULED'
                      AND tstzrange(s.starts_at, s.ends_at) && tstzrange(p.starts_at, p.ends_at));
    RETURN (SELECT count(*) FROM roster_shift) - before;
END $$;

SELECT demo_generate_roster((now() AT TIME ZONE 'Asia/Shanghai')::date, 14);
