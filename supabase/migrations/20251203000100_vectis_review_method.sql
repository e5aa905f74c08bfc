-- Model regions that nothing could measure are stored as features for review (result schema
-- 1.1.0: type 'unrecognised', method 'review', with the model's hint and needs_review in the
-- analysis's result). Idempotent like every migration here.
alter table public.part_features drop constraint if exists part_features_recognition_method_check;
alter table public.part_features add constraint part_features_recognition_method_check
  check (recognition_method in ('ml', 'geometric', 'review'));
