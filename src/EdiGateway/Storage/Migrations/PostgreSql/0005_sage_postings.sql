-- 0005 Sage postings (PostgreSQL): what the Sage posting engine needs on erp_postings to resume a posting after a
-- restart (the posting itself, when to try again, the locked record, Sage's document number, the transitions),
-- and the Sage ID token of each company (encrypted with ASP.NET Core Data Protection, one row per token key).
ALTER TABLE erp_postings ADD COLUMN posting_json text NULL;
ALTER TABLE erp_postings ADD COLUMN next_attempt_at timestamptz NULL;
ALTER TABLE erp_postings ADD COLUMN locked_record text NULL;
ALTER TABLE erp_postings ADD COLUMN erp_document_no text NULL;
ALTER TABLE erp_postings ADD COLUMN transitions text NULL;
CREATE INDEX ix_erp_postings_company_state ON erp_postings (system, company, state);
CREATE TABLE erp_tokens (
    token_key        text    NOT NULL PRIMARY KEY,
    protected_value  text    NOT NULL,
    updated_at       timestamptz NOT NULL
);
