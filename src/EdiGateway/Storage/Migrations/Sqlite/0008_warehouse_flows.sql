-- 0008 Warehouse flows (SQLite): one row per Sage order released to a 3PL (the 940 as sent, matched by the 945), one
-- stock parity snapshot per 846 (the history a drift trend is drawn from), and one row per stock transfer announced
-- to a 3PL (943, answered by a 944) or adjustment it reported (947, W1502 posted once).
CREATE TABLE warehouse_fulfilments (
    id                       INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    partner_id               TEXT    NOT NULL,
    sage_order_id            INTEGER NOT NULL,
    sage_document_no         TEXT    NOT NULL,
    customer_document_no     TEXT    NULL,
    is_amazon_order          INTEGER NOT NULL DEFAULT 0,
    state                    TEXT    NOT NULL,
    released_json            TEXT    NOT NULL,
    release_lineage_id       INTEGER NULL,
    outbound_lineage_id      INTEGER NULL,
    despatch_set_lineage_id  INTEGER NULL,
    open_lines_json          TEXT    NULL,
    despatch_json            TEXT    NULL,
    released_at              INTEGER NULL,
    despatched_at            INTEGER NULL,
    created_at               INTEGER NOT NULL,
    updated_at               INTEGER NOT NULL,
    version                  INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ux_warehouse_fulfilments_order ON warehouse_fulfilments (partner_id, sage_order_id);
CREATE INDEX ix_warehouse_fulfilments_document ON warehouse_fulfilments (partner_id, sage_document_no);
CREATE TABLE warehouse_stock_parity (
    id               INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    partner_id       TEXT    NOT NULL,
    lineage_id       INTEGER NOT NULL,
    reference        TEXT    NOT NULL,
    as_of            TEXT    NOT NULL,
    as_of_time       TEXT    NULL,
    line_count       INTEGER NOT NULL,
    drifting_lines   INTEGER NOT NULL,
    exception_count  INTEGER NOT NULL,
    absolute_drift   TEXT    NOT NULL,
    lines_json       TEXT    NOT NULL,
    created_at       INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_warehouse_stock_parity_set ON warehouse_stock_parity (partner_id, lineage_id);
CREATE INDEX ix_warehouse_stock_parity_as_of ON warehouse_stock_parity (partner_id, as_of);
CREATE TABLE warehouse_transfers (
    id                   INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    partner_id           TEXT    NOT NULL,
    kind                 TEXT    NOT NULL,
    reference            TEXT    NOT NULL,
    state                TEXT    NOT NULL,
    expectation_json     TEXT    NULL,
    outbound_lineage_id  INTEGER NULL,
    inbound_lineage_id   INTEGER NULL,
    result_json          TEXT    NULL,
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL,
    version              INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ux_warehouse_transfers_reference ON warehouse_transfers (partner_id, kind, reference);
