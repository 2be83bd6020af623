-- Call detail records the service keeps from Asterisk's AMI Cdr events (hotline/calls/CdrCopies): cdr_pgsql
-- keeps no backlog, so a record it could not insert while the database was down (or on a connection the
-- database's restart cut) is gone, while the same record reached the service over AMI. For a hotline call
-- the service has no contact for, the service writes that record here itself, and recovers the call from
-- these rows as from cdr_pgsql's. from_ami_event tells the rows apart (cdr_pgsql leaves it at its default:
-- it fills only columns named like a CDR field or variable, and no CDR variable has this name).
ALTER TABLE asterisk_cdr ADD COLUMN from_ami_event boolean NOT NULL DEFAULT false;

-- The service inserts only these columns, and only rows marked as its copies; it still cannot change what
-- Asterisk wrote (only the caller's number, once it is kept sealed in the contact, and the reconciled mark).
GRANT INSERT (calldate, answer, "end", src, dst, dcontext, channel, dstchannel, lastapp, lastdata, duration,
              billsec, disposition, uniqueid, linkedid, userfield, from_ami_event) ON asterisk_cdr TO ${app_role};
GRANT USAGE ON SEQUENCE asterisk_cdr_id_seq TO ${app_role};

ALTER TABLE asterisk_cdr ENABLE ROW LEVEL SECURITY;
CREATE POLICY asterisk_inserts ON asterisk_cdr FOR INSERT TO ${cdr_role} WITH CHECK (NOT from_ami_event);
CREATE POLICY service_copies ON asterisk_cdr FOR INSERT TO ${app_role} WITH CHECK (from_ami_event);
CREATE POLICY service_reads ON asterisk_cdr FOR SELECT TO ${app_role} USING (true);
CREATE POLICY service_marks ON asterisk_cdr FOR UPDATE TO ${app_role} USING (true) WITH CHECK (true);
CREATE POLICY service_deletes ON asterisk_cdr FOR DELETE TO ${app_role} USING (true);
