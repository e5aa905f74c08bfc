-- Semantic PMI (result schema 1.2.0, `result.pmi`): each feature row carries the PMI items that
-- name its faces (a hole's diameter with its tolerance, its position tolerance and datums), so a
-- quote can read a feature's tolerances without opening the whole result. Items that name no
-- feature (a datum on a stock face) stay in `analyses.result.pmi`. Idempotent like every
-- migration here; rows stored before it read as carrying none.
alter table public.part_features add column if not exists pmi jsonb not null default '[]'::jsonb;
-- How many PMI items an analysis holds: lets a quote list find toleranced parts without the result.
alter table public.analyses add column if not exists pmi_count integer not null default 0;
