-- 0003 transport receipts (SQLite): the pickup ledger that stops a remote file or an AS2 message being
-- processed twice, even after a crash between download and remote delete.
CREATE TABLE transport_receipts (
    id              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    partner_id      TEXT    NOT NULL,
    transport       TEXT    NOT NULL,
    receipt_key     TEXT    NOT NULL,
    content_sha256  TEXT    NULL,
    stored_id       TEXT    NOT NULL,
    reply           TEXT    NULL,
    received_at     INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_transport_receipts_key ON transport_receipts (partner_id, transport, receipt_key);
CREATE INDEX ix_transport_receipts_sha ON transport_receipts (partner_id, transport, content_sha256);
