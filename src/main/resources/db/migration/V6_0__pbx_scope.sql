-- Several PBXs on one database (a province: one Asterisk per city, one service deployment per PBX). Every
-- record of a call says which PBX carried it, so that each deployment reconciles, recovers and resyncs only
-- its own PBX's records, and a second deployment cannot claim a PBX that a live one serves.

-- The PBX a channel belongs to, from its Uniqueid: Asterisk prefixes every Uniqueid (and Linkedid) with its
-- asterisk.conf systemname ("sjz-1796647500.35"); a PBX that sets none is the PBX "default". This is the one
-- definition, used by the columns below and by the service (greenribbon.telephony.pbx-id is the systemname).
CREATE FUNCTION pbx_of_uniqueid(uniqueid text) RETURNS varchar
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN coalesce(substring(uniqueid FROM '^(.+)-[0-9]+\.[0-9]+$'), 'default');

-- Contacts: the caller's channel names its PBX, whichever replica of whichever deployment opened the contact
-- (FastAGI is answered by every replica of every deployment).
ALTER TABLE hotline_contact
    ADD COLUMN pbx_id varchar(64) GENERATED ALWAYS AS (pbx_of_uniqueid(call_uniqueid)) STORED;
DROP INDEX hotline_contact_open_idx;
CREATE INDEX hotline_contact_open_idx ON hotline_contact (pbx_id, offered_at) WHERE status = 'OPEN';

-- CDRs: cdr_pgsql leaves a column it has no CDR variable for to its default, and a generated column's
-- expression is its default, so every row Asterisk writes knows its PBX without any dialplan help (a CDR
-- variable set in the dialplan would be missing from every record of a call that never ran that line).
ALTER TABLE asterisk_cdr
    ADD COLUMN pbx_id varchar(64) GENERATED ALWAYS AS (pbx_of_uniqueid(uniqueid)) STORED;
DROP INDEX asterisk_cdr_unreconciled_idx;
CREATE INDEX asterisk_cdr_unreconciled_idx ON asterisk_cdr (pbx_id, calldate) WHERE reconciled_at IS NULL;

-- When the counsellor's phone answered (epoch seconds, the PBX's clock): the queue's membergosub
-- (telephony/queues.conf, [hotline-queue-answered] in extensions.conf) sets CDR(counsellor_answered) on the
-- counsellor's leg, and a leg's CDR variables are part of the caller's record with it. The record's own
-- answer time is the dialplan's Answer(), before the notice and the queue wait. An integer column, because
-- cdr_pgsql writes 0 for a value that is not a number where a bad timestamp would lose the whole record.
ALTER TABLE asterisk_cdr ADD COLUMN counsellor_answered bigint;

-- Which deployment serves which PBX. Every replica of the deployment renews its claim (renewed_at, the
-- database's clock); another deployment may take the PBX over only once the claim has not been renewed for
-- greenribbon.telephony.leader.claim-expires-after. queues: the hotline queues the PBX reported last (by
-- its event leader), so that a presence change made on any deployment reaches the PBX that holds its queues.
CREATE TABLE telephony_pbx (
    pbx_id        varchar(64)  PRIMARY KEY CHECK (pbx_id ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$'),
    deployment_id varchar(128) NOT NULL CHECK (length(trim(deployment_id)) > 0),
    claimed_at    timestamptz  NOT NULL,
    renewed_at    timestamptz  NOT NULL,
    queues        text[]       NOT NULL DEFAULT '{}',
    queues_at     timestamptz
);

-- Commands for a PBX that another deployment serves (a counsellor of city A signing in through a replica of
-- city B's deployment, a callback or a page for a phone on another PBX): the requesting replica writes the
-- command and notifies; the event leader of the PBX's own deployment takes it (DELETE ... RETURNING) and
-- sends it over its AMI link. The payload is sealed (it may hold a number to dial).
CREATE TABLE telephony_pbx_command (
    id         varchar(64)  PRIMARY KEY,
    pbx_id     varchar(64)  NOT NULL,
    kind       varchar(32)  NOT NULL,
    payload    text         NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX telephony_pbx_command_pbx_idx ON telephony_pbx_command (pbx_id, created_at);
