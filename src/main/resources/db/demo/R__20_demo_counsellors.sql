-- Demo pool: the counsellors behind the demo accounts, and a few colleagues in each demo county.
INSERT INTO counsellor (full_name, home_division, kind, status, username, max_caseload) VALUES
    ('王梅', '130104', 'COUNSELLOR', 'ACTIVE', 'counsellor1', 25),
    ('张磊', '130105', 'COUNSELLOR', 'ACTIVE', 'counsellor2', 25),
    ('刘军', '130104', 'PSYCHOTHERAPIST', 'ACTIVE', 'supervisor1', 15)
ON CONFLICT (username) DO NOTHING;
