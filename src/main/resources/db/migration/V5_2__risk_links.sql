-- Risk records point at the hotline contacts and room sessions they came from (V4_x, V3_x).
ALTER TABLE risk_screening ADD CONSTRAINT risk_screening_contact_fk FOREIGN KEY (contact_id) REFERENCES hotline_contact (id);
ALTER TABLE risk_screening ADD CONSTRAINT risk_screening_session_fk FOREIGN KEY (session_id) REFERENCES booking (id);
ALTER TABLE risk_case_link ADD CONSTRAINT risk_case_link_contact_fk FOREIGN KEY (contact_id) REFERENCES hotline_contact (id);
ALTER TABLE risk_case_link ADD CONSTRAINT risk_case_link_session_fk FOREIGN KEY (session_id) REFERENCES booking (id);
ALTER TABLE risk_break_glass ADD CONSTRAINT risk_break_glass_contact_fk FOREIGN KEY (contact_id) REFERENCES hotline_contact (id);
ALTER TABLE risk_unmask_request ADD CONSTRAINT risk_unmask_contact_fk FOREIGN KEY (contact_id) REFERENCES hotline_contact (id);
CREATE INDEX risk_screening_contact_idx ON risk_screening (contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX risk_screening_session_idx ON risk_screening (session_id) WHERE session_id IS NOT NULL;
