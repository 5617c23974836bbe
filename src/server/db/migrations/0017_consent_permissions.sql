-- Consents (issue 10): drafting, signing and recording revocations of 42 CFR Part 2 consents, and
-- making releases under them (the clinical director, counselors on their caseload, intake); approving
-- a disclosure without consent (audit, QSO agreement, court order) is the clinical director's.
INSERT INTO "role_permissions" ("role", "permission") VALUES
  ('clinical_director', 'consents.manage'),
  ('counselor', 'consents.manage'),
  ('intake_coordinator', 'consents.manage'),
  ('clinical_director', 'disclosures.approve')
ON CONFLICT DO NOTHING;
