-- Demo risk duty: who is on duty, standing, for the demo accounts (local stack and tests only).
INSERT INTO risk_duty (division, post, username, extension, starts_at, ends_at, created_by)
SELECT d.division, d.post, d.username, d.extension, timestamptz '2026-01-01 00:00:00+08', NULL, 'demo'
  FROM (VALUES ('130104', 'SUPERVISOR', 'supervisor1', 'supervisor'),
               ('130104', 'SUPERVISOR', 'supervisor3', 'supervisor3'),
               ('130105', 'SUPERVISOR', 'supervisor2', 'supervisor2'),
               ('130104', 'COUNTY_LEAD', 'countylead1', 'countylead1'),
               ('1301', 'CLINICAL_LEAD', 'clinicallead1', 'clinicallead1'))
       AS d (division, post, username, extension)
 WHERE NOT EXISTS (SELECT 1 FROM risk_duty r WHERE r.username = d.username AND r.post = d.post
                                              AND r.division = d.division AND r.created_by = 'demo');
