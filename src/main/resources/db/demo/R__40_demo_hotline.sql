-- Demo lines, as telephony/extensions.conf lists them: one per county of Shijiazhuang (0311 60 and the
-- county's code), the city's own line, and 12356 (the national number, forwarded to the city). The
-- numbers are invented. The 12356 line and Qiaoxi's line ask "press 1 if you are in danger now".
INSERT INTO hotline_line (id, name, division_code, asks_press_one, tier1_wait_seconds, tier2_wait_seconds,
                          backup_number, forwarded_12356)
SELECT '031160' || d.code, d.name || '心理援助热线', d.code, d.code = '130104', 30, 90, '031112356', false
FROM division d
WHERE d.parent_code = '1301'
ON CONFLICT (id) DO NOTHING;

INSERT INTO hotline_line (id, name, division_code, asks_press_one, tier1_wait_seconds, tier2_wait_seconds,
                          backup_number, forwarded_12356)
VALUES ('031160130100', '石家庄市心理援助热线', '1301', false, 45, 90, '031112356', false),
       ('12356', '石家庄市12356心理援助热线', '1301', true, 45, 90, '031112356', true)
ON CONFLICT (id) DO NOTHING;
