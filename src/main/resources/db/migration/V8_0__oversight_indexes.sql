-- Oversight counts records of a division (a code prefix) over a period: each table they count gets an index
-- on (division prefix, the time that places a record in a period), so that a city's month reads its own rows
-- and nothing else however large the province's history grows.
CREATE INDEX hotline_callback_division_created_idx ON hotline_callback (division_code text_pattern_ops, created_at);
CREATE INDEX risk_case_division_opened_idx ON risk_case (division text_pattern_ops, opened_at);
CREATE INDEX risk_case_division_closed_idx ON risk_case (division text_pattern_ops, closed_at) WHERE status = 'CLOSED';
CREATE INDEX risk_screening_division_at_idx ON risk_screening (division text_pattern_ops, screened_at);
CREATE INDEX risk_break_glass_division_granted_idx ON risk_break_glass (division text_pattern_ops, granted_at);
CREATE INDEX risk_follow_up_due_idx ON risk_follow_up (due_at);
