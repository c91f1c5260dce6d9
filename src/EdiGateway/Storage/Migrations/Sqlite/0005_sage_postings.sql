-- 0005 Sage postings (SQLite): what the Sage posting engine needs on erp_postings to resume a posting after a
-- restart (the posting itself, when to try again, the locked record, Sage's document number, the transitions),
-- and the Sage ID token of each company (encrypted with ASP.NET Core Data Protection, one row per token key).
ALTER TABLE erp_postings ADD COLUMN posting_json TEXT NULL;
ALTER TABLE erp_postings ADD COLUMN next_attempt_at INTEGER NULL;
ALTER TABLE erp_postings ADD COLUMN locked_record TEXT NULL;
ALTER TABLE erp_postings ADD COLUMN erp_document_no TEXT NULL;
ALTER TABLE erp_postings ADD COLUMN transitions TEXT NULL;
CREATE INDEX ix_erp_postings_company_state ON erp_postings (system, company, state);
CREATE TABLE erp_tokens (
    token_key        TEXT    NOT NULL PRIMARY KEY,
    protected_value  TEXT    NOT NULL,
    updated_at       INTEGER NOT NULL
);
