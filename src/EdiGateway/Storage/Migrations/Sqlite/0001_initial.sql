-- 0001 initial schema (SQLite). Timestamps are Unix milliseconds; decimals are canonical text.
CREATE TABLE documents (
    sha256          TEXT    NOT NULL PRIMARY KEY,
    length          INTEGER NOT NULL,
    content_type    TEXT    NULL,
    original_name   TEXT    NULL,
    stored_at       INTEGER NOT NULL
);

CREATE TABLE lineage (
    id                             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    parent_id                      INTEGER NULL REFERENCES lineage (id),
    kind                           INTEGER NOT NULL,
    direction                      INTEGER NOT NULL,
    partner_id                     TEXT    NULL,
    flow                           TEXT    NULL,
    state                          TEXT    NOT NULL,
    document_sha256                TEXT    NULL REFERENCES documents (sha256),
    document_type                  TEXT    NULL,
    sender_qualifier               TEXT    NULL,
    sender_id                      TEXT    NULL,
    receiver_qualifier             TEXT    NULL,
    receiver_id                    TEXT    NULL,
    interchange_control_number     TEXT    NULL,
    group_control_number           TEXT    NULL,
    transaction_set_control_number TEXT    NULL,
    purchase_order_number          TEXT    NULL,
    invoice_number                 TEXT    NULL,
    shipment_id                    TEXT    NULL,
    bill_of_lading                 TEXT    NULL,
    error                          TEXT    NULL,
    created_at                     INTEGER NOT NULL,
    updated_at                     INTEGER NOT NULL,
    version                        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_lineage_parent_id ON lineage (parent_id);
CREATE INDEX ix_lineage_purchase_order_number ON lineage (purchase_order_number);
CREATE INDEX ix_lineage_invoice_number ON lineage (invoice_number);
CREATE INDEX ix_lineage_shipment_id ON lineage (shipment_id);
CREATE INDEX ix_lineage_bill_of_lading ON lineage (bill_of_lading);
CREATE INDEX ix_lineage_interchange_control_number ON lineage (interchange_control_number);
CREATE INDEX ix_lineage_partner_flow_created ON lineage (partner_id, flow, created_at);
CREATE INDEX ix_lineage_document_sha256 ON lineage (document_sha256);

CREATE TABLE lineage_keys (
    id               INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    lineage_entry_id INTEGER NOT NULL REFERENCES lineage (id),
    name             TEXT    NOT NULL,
    value            TEXT    NOT NULL
);
CREATE INDEX ix_lineage_keys_name_value ON lineage_keys (name, value);
CREATE UNIQUE INDEX ux_lineage_keys_entry_name_value ON lineage_keys (lineage_entry_id, name, value);

CREATE TABLE interchange_receipts (
    id                 INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    sender_qualifier   TEXT    NOT NULL,
    sender_id          TEXT    NOT NULL,
    receiver_qualifier TEXT    NOT NULL,
    receiver_id        TEXT    NOT NULL,
    control_number     TEXT    NOT NULL,
    document_sha256    TEXT    NOT NULL REFERENCES documents (sha256),
    lineage_entry_id   INTEGER NOT NULL REFERENCES lineage (id),
    received_at        INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_interchange_receipts_envelope
    ON interchange_receipts (sender_qualifier, sender_id, receiver_qualifier, receiver_id, control_number);

CREATE TABLE control_number_counters (
    partner_id TEXT    NOT NULL,
    direction  INTEGER NOT NULL,
    kind       INTEGER NOT NULL,
    last_value INTEGER NOT NULL DEFAULT 0,
    cycle      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (partner_id, direction, kind)
);

CREATE TABLE issued_control_numbers (
    id         INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    partner_id TEXT    NOT NULL,
    direction  INTEGER NOT NULL,
    kind       INTEGER NOT NULL,
    cycle      INTEGER NOT NULL,
    value      INTEGER NOT NULL,
    issued_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_issued_control_numbers ON issued_control_numbers (partner_id, direction, kind, cycle, value);

CREATE TABLE exceptions (
    id                 INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    queue              TEXT    NOT NULL,
    partner_id         TEXT    NULL,
    flow               TEXT    NULL,
    reason_code        TEXT    NOT NULL,
    message            TEXT    NOT NULL,
    severity           INTEGER NOT NULL,
    state              INTEGER NOT NULL,
    state_reason       TEXT    NULL,
    segment_ordinal    INTEGER NULL,
    segment_id         TEXT    NULL,
    element_position   INTEGER NULL,
    component_position INTEGER NULL,
    value_at_risk      TEXT    NULL,
    currency           TEXT    NULL,
    sla_deadline       INTEGER NULL,
    lineage_entry_id   INTEGER NULL REFERENCES lineage (id),
    document_sha256    TEXT    NULL,
    detail_json        TEXT    NULL,
    deduplication_key  TEXT    NULL,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    version            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_exceptions_state_queue_created ON exceptions (state, queue, created_at);
CREATE INDEX ix_exceptions_partner_id ON exceptions (partner_id);
CREATE INDEX ix_exceptions_lineage_entry_id ON exceptions (lineage_entry_id);
CREATE UNIQUE INDEX ux_exceptions_dedup ON exceptions (deduplication_key);

CREATE TABLE audit (
    id              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    at              INTEGER NOT NULL,
    actor           TEXT    NOT NULL,
    action          TEXT    NOT NULL,
    entity_type     TEXT    NOT NULL,
    entity_id       TEXT    NOT NULL,
    before_json     TEXT    NULL,
    after_json      TEXT    NULL,
    idempotency_key TEXT    NULL
);
CREATE INDEX ix_audit_entity ON audit (entity_type, entity_id);
CREATE UNIQUE INDEX ux_audit_idempotency ON audit (idempotency_key);

CREATE TABLE erp_postings (
    id               INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    system           TEXT    NOT NULL,
    company          TEXT    NOT NULL,
    external_id      TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    state            TEXT    NOT NULL,
    erp_reference    TEXT    NULL,
    lineage_entry_id INTEGER NULL REFERENCES lineage (id),
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT    NULL,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    version          INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ux_erp_postings_external_id ON erp_postings (system, company, external_id);
CREATE INDEX ix_erp_postings_state ON erp_postings (state);
