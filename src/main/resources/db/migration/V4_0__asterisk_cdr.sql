-- Call detail records as Asterisk writes them (cdr_pgsql, telephony/cdr_pgsql.conf). The hotline rebuilds
-- the contacts of calls the service did not see (answered while it was down) from these rows.
--
-- cdr_pgsql reads this table's columns when it loads and fills every column named like a CDR field;
-- columns it does not know keep their defaults. Times are UTC wall-clock time (cdr_pgsql.conf:
-- timezone = UTC), hence "timestamp" without a zone.
--
-- The role Asterisk logs in as (placeholder cdr_role, default asterisk_cdr) may only INSERT (and use the id
-- sequence): a PBX that is broken into cannot read the call history. The database bootstrap (Helm's
-- db-bootstrap job) creates it with its password, so the owner running this needs no CREATEROLE; where it
-- is absent (a database set up by hand) it is created here, without a password, and cannot log in until a
-- site sets one.
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${cdr_role}') THEN
    CREATE ROLE ${cdr_role} NOLOGIN;
  END IF;
END $$;

CREATE TABLE asterisk_cdr (
    id            bigserial    PRIMARY KEY,
    calldate      timestamp    NOT NULL,
    answer        timestamp,
    "end"         timestamp,
    clid          varchar(80)  NOT NULL DEFAULT '',
    src           varchar(80)  NOT NULL DEFAULT '',
    dst           varchar(80)  NOT NULL DEFAULT '',
    dcontext      varchar(80)  NOT NULL DEFAULT '',
    channel       varchar(80)  NOT NULL DEFAULT '',
    dstchannel    varchar(80)  NOT NULL DEFAULT '',
    lastapp       varchar(80)  NOT NULL DEFAULT '',
    lastdata      varchar(200) NOT NULL DEFAULT '',
    duration      integer      NOT NULL DEFAULT 0,
    billsec       integer      NOT NULL DEFAULT 0,
    disposition   varchar(45)  NOT NULL DEFAULT '',
    amaflags      varchar(45)  NOT NULL DEFAULT '',
    accountcode   varchar(80)  NOT NULL DEFAULT '',
    uniqueid      varchar(150) NOT NULL DEFAULT '',
    linkedid      varchar(150) NOT NULL DEFAULT '',
    userfield     varchar(255) NOT NULL DEFAULT '',
    peeraccount   varchar(80)  NOT NULL DEFAULT '',
    sequence      integer,
    -- Set by the service when it has turned the row into a contact (and cleared src and clid: the
    -- caller's number is not kept in clear).
    reconciled_at timestamptz
);
CREATE INDEX asterisk_cdr_uniqueid_idx ON asterisk_cdr (uniqueid);
CREATE INDEX asterisk_cdr_linkedid_idx ON asterisk_cdr (linkedid);
CREATE INDEX asterisk_cdr_unreconciled_idx ON asterisk_cdr (calldate) WHERE reconciled_at IS NULL;

REVOKE ALL ON asterisk_cdr FROM PUBLIC;
GRANT INSERT ON asterisk_cdr TO ${cdr_role};
GRANT USAGE ON SEQUENCE asterisk_cdr_id_seq TO ${cdr_role};
GRANT USAGE ON SCHEMA public TO ${cdr_role};

-- The service reads the rows, clears the caller's number once it is kept encrypted in the contact, marks
-- rows reconciled, and may delete rows past their retention. It never inserts: only Asterisk does.
REVOKE INSERT, UPDATE ON asterisk_cdr FROM ${app_role};
GRANT SELECT, DELETE ON asterisk_cdr TO ${app_role};
GRANT UPDATE (src, clid, reconciled_at) ON asterisk_cdr TO ${app_role};
