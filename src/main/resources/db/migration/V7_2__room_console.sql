-- The room staff's console and the counsellors' calendar subscriptions (issue 15).

-- Idempotency keys now cover every write of the rooms feature a screen or a client may send twice (a double
-- tap, a retry on a flaky connection, a resubmitted form): booking, each step of a booking's life, registering
-- a client, changing a room. One row per account and key holds the first answer; the same key again gets it
-- back and changes nothing. The request hash is keyed (HMAC), so a body holding contact details cannot be
-- recovered from it by trying phone numbers; no answer stored here holds contact details.
ALTER TABLE booking_request RENAME TO idempotent_request;
ALTER TABLE idempotent_request RENAME CONSTRAINT booking_request_pkey TO idempotent_request_pkey;
ALTER INDEX booking_request_created_idx RENAME TO idempotent_request_created_idx;
-- What the key was used for (booking.create, booking.check-in, client.register, room.change, ...).
ALTER TABLE idempotent_request ADD COLUMN operation varchar(40) NOT NULL DEFAULT 'booking.create'
    CHECK (operation ~ '^[a-z]+\.[a-z-]+$');
ALTER TABLE idempotent_request ALTER COLUMN operation DROP DEFAULT;
-- The record the first request made or changed (the first booking of a series, the client, the room).
ALTER TABLE idempotent_request ADD COLUMN resource_id bigint;

-- A counsellor's calendar subscription: a secret address a calendar app polls without signing in (it cannot
-- send a bearer token). Only the SHA-256 of the 256-bit token is kept, so the address is shown once, when it
-- is made; making a new one replaces the old (which stops working at once), and turning it off deletes it.
CREATE TABLE calendar_feed (
    counsellor_id   bigint       PRIMARY KEY REFERENCES counsellor (id) ON DELETE CASCADE,
    token_hash      varchar(64)  NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_by      varchar(255) NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    last_fetched_at timestamptz
);
