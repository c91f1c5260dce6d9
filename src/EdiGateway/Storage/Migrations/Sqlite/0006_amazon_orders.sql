-- 0006 Amazon orders (SQLite): one row per (partner, PO) from the first 850 on. It keeps what the order's decisions
-- were made from (Sage prices and stock at that moment), so every later step (855, 856, 810) rebuilds the same
-- decision, and the Sage order the PO became. Invoice numbers sent in an 810 are unique forever.
CREATE TABLE amazon_orders (
    id                     INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    partner_id             TEXT    NOT NULL,
    purchase_order_number  TEXT    NOT NULL,
    set_lineage_id         INTEGER NOT NULL,
    customer_document_no   TEXT    NOT NULL,
    state                  TEXT    NOT NULL,
    inputs_json            TEXT    NOT NULL,
    sage_order_id          INTEGER NULL,
    sage_document_no       TEXT    NULL,
    acknowledgement_json   TEXT    NULL,
    acknowledged_at        INTEGER NULL,
    shipped_json           TEXT    NULL,
    shipped_at             INTEGER NULL,
    created_at             INTEGER NOT NULL,
    updated_at             INTEGER NOT NULL,
    version                INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ux_amazon_orders_po ON amazon_orders (partner_id, purchase_order_number);
CREATE INDEX ix_amazon_orders_document ON amazon_orders (customer_document_no);
CREATE TABLE amazon_invoices (
    id                     INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    partner_id             TEXT    NOT NULL,
    invoice_number         TEXT    NOT NULL,
    order_id               INTEGER NOT NULL,
    lineage_id             INTEGER NULL,
    created_at             INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_amazon_invoices_number ON amazon_invoices (partner_id, invoice_number);
