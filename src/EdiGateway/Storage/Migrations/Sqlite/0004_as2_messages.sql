-- 0004 AS2 messages (SQLite): one row per inbound (AS2-From, AS2-To, Message-ID), claimed before the payload is
-- processed and completed with the exact MDN, so a resend is answered with the original receipt.
CREATE TABLE as2_messages (
    id              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    partner_id      TEXT    NOT NULL,
    sender_id       TEXT    NOT NULL,
    receiver_id     TEXT    NOT NULL,
    message_id      TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    stored_id       TEXT    NULL,
    mdn_message_id  TEXT    NULL,
    mdn_headers     TEXT    NULL,
    mdn_body        BLOB    NULL,
    claimed_at      INTEGER NOT NULL,
    completed_at    INTEGER NULL
);
CREATE UNIQUE INDEX ux_as2_messages_key ON as2_messages (sender_id, receiver_id, message_id);
