-- 0002 lineage steps (SQLite): children are numbered under their parent so each step is recorded once;
-- amounts and due times make value at risk and SLA deadlines queryable.
ALTER TABLE lineage ADD COLUMN ordinal INTEGER NULL;
ALTER TABLE lineage ADD COLUMN amount TEXT NULL;
ALTER TABLE lineage ADD COLUMN currency TEXT NULL;
ALTER TABLE lineage ADD COLUMN due_at INTEGER NULL;
CREATE UNIQUE INDEX ux_lineage_child ON lineage (parent_id, kind, ordinal);
CREATE INDEX ix_lineage_state_kind ON lineage (state, kind);
CREATE INDEX ix_lineage_due_at ON lineage (due_at);
