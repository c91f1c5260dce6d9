-- 0002 lineage steps (PostgreSQL): children are numbered under their parent so each step is recorded once;
-- amounts and due times make value at risk and SLA deadlines queryable.
ALTER TABLE lineage ADD COLUMN ordinal integer NULL;
ALTER TABLE lineage ADD COLUMN amount numeric(19,4) NULL;
ALTER TABLE lineage ADD COLUMN currency text NULL;
ALTER TABLE lineage ADD COLUMN due_at timestamptz NULL;
CREATE UNIQUE INDEX ux_lineage_child ON lineage (parent_id, kind, ordinal);
CREATE INDEX ix_lineage_state_kind ON lineage (state, kind);
CREATE INDEX ix_lineage_due_at ON lineage (due_at);
