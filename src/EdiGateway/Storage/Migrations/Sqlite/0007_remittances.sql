-- 0007 Remittances (SQLite): one row per Amazon remittance by (partner, TRN02 payment trace) with the plan frozen when
-- it tied out, and one row per Sage write of it (receipt, allocation, each deduction's bank payment): started before
-- the call, done with the URN after, so a crash or a retry never posts twice.
CREATE TABLE remittances (
    id                INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    partner_id        TEXT    NOT NULL,
    trace_number      TEXT    NOT NULL,
    lineage_entry_id  INTEGER NOT NULL,
    company           TEXT    NOT NULL,
    state             TEXT    NOT NULL,
    paid              TEXT    NOT NULL,
    currency          TEXT    NULL,
    plan_json         TEXT    NOT NULL,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    version           INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ux_remittances_trace ON remittances (partner_id, trace_number);
CREATE TABLE remittance_steps (
    id                     INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    remittance_id          INTEGER NOT NULL REFERENCES remittances (id),
    ordinal                INTEGER NOT NULL,
    kind                   TEXT    NOT NULL,
    state                  TEXT    NOT NULL,
    amount                 TEXT    NOT NULL,
    reference              TEXT    NOT NULL,
    nominal_code           TEXT    NULL,
    sage_reference         TEXT    NOT NULL,
    sage_urn               TEXT    NULL,
    posted_transaction_id  INTEGER NULL,
    attempts               INTEGER NOT NULL DEFAULT 0,
    last_error             TEXT    NULL,
    updated_at             INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_remittance_steps_ordinal ON remittance_steps (remittance_id, ordinal);
