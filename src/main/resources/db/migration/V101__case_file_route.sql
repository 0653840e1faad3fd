-- The legal route of a request (LEGAL.md 1): 'subsidie' (a subsidy, Awb titel 4.2) or 'verzoek' (the municipality is
-- asked to act), set by the table request-route when the case file opens and changed only by the owner's correction at
-- the completeness check (case event ROUTE_GEWIJZIGD). Cases from before this migration have none (null).
ALTER TABLE case_file ADD COLUMN route VARCHAR(20);
-- Why: the table's reason, or the owner's reason for the correction.
ALTER TABLE case_file ADD COLUMN route_reason VARCHAR(4000);
