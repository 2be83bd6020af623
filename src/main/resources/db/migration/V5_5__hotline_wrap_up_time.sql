-- A contact's handle time is its talk time and the counsellor's after-call work on it: the wrap-up, from the end
-- of the call until the form was saved, the wrap-up time ran out or the counsellor changed state, measured on the
-- service's clock (0 when the counsellor was not available when the call ended, so had no wrap-up).
ALTER TABLE hotline_contact ADD COLUMN wrap_up_ms integer CHECK (wrap_up_ms >= 0);
