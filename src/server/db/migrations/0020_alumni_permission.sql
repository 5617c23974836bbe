-- Alumni (issue 11): running the alumni program — alumni events and groups, the alumni coordinator's
-- messages, follow-up survey response rates — is the clinical director's and counselors'.
INSERT INTO "role_permissions" ("role", "permission") VALUES
  ('clinical_director', 'alumni.manage'),
  ('counselor', 'alumni.manage')
ON CONFLICT DO NOTHING;
