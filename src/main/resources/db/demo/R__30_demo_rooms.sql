-- Demo rooms: one counselling room in every village and community of Qiaoxi (130104), kept by staff1
-- (130104001001) and staff2 (130104001002), open on weekdays (some on Saturday mornings), and a week of
-- sessions from the day this script runs, with the Qiaoxi counsellors of the pool. Idempotent: rooms
-- and clients are matched on their natural keys, and a session that would overlap one already there
-- is left out (the exclusion constraints decide, as for every booking).
INSERT INTO room (division_code, name, address, capacity, step_free, accessibility_note,
                  private_space, soundproof, phone_link, video_link)
SELECT d.code,
       d.name || '心理咨询室',
       '石家庄市桥西区' || t.name || d.name || '综治中心二楼',
       4 + (row_number() OVER (ORDER BY d.code))::int % 5,
       (row_number() OVER (ORDER BY d.code)) % 3 <> 0,
       CASE WHEN (row_number() OVER (ORDER BY d.code)) % 3 = 0 THEN '二楼，无电梯；可在一楼调解室接待' END,
       true,
       (row_number() OVER (ORDER BY d.code)) % 2 = 0,
       true,
       (row_number() OVER (ORDER BY d.code)) % 4 = 0
FROM division d
JOIN division t ON t.code = d.parent_code
WHERE d.code LIKE '130104%' AND d.level = 'VILLAGE'
ON CONFLICT ON CONSTRAINT room_division_name_key DO NOTHING;

-- Weekday hours 08:30-12:00 and 14:00-17:30; every third room also on Saturday mornings.
INSERT INTO room_weekly_hours (room_id, day_of_week, opens, closes)
SELECT r.id, d.day, h.opens, h.closes
FROM room r
CROSS JOIN generate_series(1, 6) AS d(day)
CROSS JOIN (VALUES (time '08:30', time '12:00'), (time '14:00', time '17:30')) AS h(opens, closes)
WHERE r.division_code LIKE '130104%'
  AND (d.day <= 5 OR (r.id / 50 % 3 = 0 AND h.opens = time '08:30'))
  AND NOT EXISTS (SELECT 1 FROM room_weekly_hours w WHERE w.room_id = r.id);

INSERT INTO room_staff (room_id, username)
SELECT r.id, s.username
FROM room r
JOIN (VALUES ('130104001001', 'staff1'), ('130104001002', 'staff2')) AS s(division, username)
  ON r.division_code = s.division
ON CONFLICT ON CONSTRAINT room_staff_key DO NOTHING;

-- Three pseudonymous clients per room. Demo clients leave no contact details (the service seals
-- those; plain SQL cannot).
INSERT INTO room_client (code, division_code, registered_by)
SELECT 'D' || lpad(n.rn::text, 3, '0') || '-' || lpad(k::text, 4, '0'), n.division_code, 'demo'
FROM (SELECT division_code, row_number() OVER (ORDER BY division_code) AS rn
      FROM room WHERE division_code LIKE '130104%') n
CROSS JOIN generate_series(1, 3) AS k
ON CONFLICT (code) DO NOTHING;

CREATE OR REPLACE FUNCTION demo_book_week() RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
    today date := (now() AT TIME ZONE 'Asia/Shanghai')::date;
    rooms bigint[] := ARRAY(SELECT id FROM room WHERE division_code LIKE '130104%' AND status = 'OPEN'
                            ORDER BY (division_code NOT IN ('130104001001', '130104001002')), division_code);
    counsellors bigint[] := ARRAY(SELECT id FROM counsellor WHERE status = 'ACTIVE'
                                  AND home_division IN ('130104', '1301') ORDER BY id);
    starts time[] := ARRAY[time '09:00', time '10:30', time '14:30', time '16:00'];
    purposes text[] := ARRAY['情绪疏导', '家庭关系', '学业压力', '睡眠困扰', '哀伤辅导', '复诊'];
    n int := array_length(rooms, 1);
    booked int := 0;
    day int;
    slot int;
    k int;
    room_id bigint;
    client_id bigint;
    t0 timestamptz;
    t1 timestamptz;
    state text;
    new_id bigint;
BEGIN
    IF n IS NULL OR array_length(counsellors, 1) IS NULL THEN
        RETURN 0;
    END IF;
    FOR day IN 0 .. 6 LOOP
        CONTINUE WHEN extract(isodow FROM today + day) >= 6;
        FOR slot IN 1 .. array_length(starts, 1) LOOP
            FOR k IN 1 .. array_length(counsellors, 1) LOOP
                room_id := rooms[1 + ((k - 1) * 17 + (slot - 1) * 5 + day * 3) % n];
                IF k <= 2 AND slot = 1 THEN
                    room_id := rooms[k];  -- the staff accounts' rooms get a session every morning
                END IF;
                SELECT c.id INTO client_id FROM room_client c JOIN room r ON r.division_code = c.division_code
                WHERE r.id = room_id ORDER BY c.code OFFSET ((day + slot) % 3) LIMIT 1;
                t0 := ((today + day) + starts[slot]) AT TIME ZONE 'Asia/Shanghai';
                t1 := t0 + interval '50 minutes';
                state := CASE WHEN t1 > now() THEN 'BOOKED'
                              WHEN (day + slot + k) % 7 = 0 THEN 'NO_SHOW' ELSE 'COMPLETED' END;
                BEGIN
                    INSERT INTO booking (room_id, counsellor_id, client_id, starts_at, ends_at, mode, purpose,
                                         status, created_by, created_at, checked_in_at, completed_at, no_show_at)
                    VALUES (room_id, counsellors[k], client_id, t0, t1, 'IN_PERSON',
                            purposes[1 + (day + slot + k) % array_length(purposes, 1)], state, 'staff1',
                            t0 - interval '3 days',
                            CASE WHEN state = 'COMPLETED' THEN t0 - interval '5 minutes' END,
                            CASE WHEN state = 'COMPLETED' THEN t1 END,
                            CASE WHEN state = 'NO_SHOW' THEN t0 + interval '15 minutes' END)
                    RETURNING id INTO new_id;
                    INSERT INTO booking_event (booking_id, kind, at, actor, starts_at, ends_at, counsellor_id)
                    VALUES (new_id, 'BOOKED', t0 - interval '3 days', 'staff1', t0, t1, counsellors[k]);
                    IF state = 'COMPLETED' THEN
                        INSERT INTO booking_event (booking_id, kind, at, actor, starts_at, ends_at, counsellor_id)
                        VALUES (new_id, 'CHECKED_IN', t0 - interval '5 minutes', 'staff1', t0, t1, counsellors[k]),
                               (new_id, 'COMPLETED', t1, 'staff1', t0, t1, counsellors[k]);
                    ELSIF state = 'NO_SHOW' THEN
                        INSERT INTO booking_event (booking_id, kind, at, actor, starts_at, ends_at, counsellor_id)
                        VALUES (new_id, 'NO_SHOW', t0 + interval '15 minutes', 'staff1', t0, t1, counsellors[k]);
                    END IF;
                    booked := booked + 1;
                EXCEPTION WHEN exclusion_violation THEN
                    NULL;  -- already booked by an earlier run (or another session is in the way)
                END;
            END LOOP;
        END LOOP;
    END LOOP;
    RETURN booked;
END $$;

SELECT demo_book_week();
