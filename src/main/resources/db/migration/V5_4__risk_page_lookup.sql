-- A page's outcome arrives from the PBX with the page's call id only (OriginateResponse): the service finds
-- the case by the PAGED events of the last hour, so those are found by kind and time without reading the
-- whole timeline of every case.
CREATE INDEX risk_case_event_kind_idx ON risk_case_event (kind, at);
