-- Awb 4:2/4:13 and the Algemene termijnenwet (README, "Deadline rules"):
-- received_on stays the date of receipt (the day the request arrived); registered_at is the moment staff or the
-- server registered it. legal_deadline stays the deadline that counts (Atw-moved); counted_deadline is where counting
-- the term ends before the Atw (suspensions and extensions add to it). announced_deadline is the date named to the
-- resident in a notice of extension (4:14), which under a term set by regulation is not the legal deadline.
ALTER TABLE case_file ADD COLUMN registered_at TIMESTAMP;
ALTER TABLE case_file ADD COLUMN counted_deadline DATE;
ALTER TABLE case_file ADD COLUMN announced_deadline DATE;
ALTER TABLE case_file ADD COLUMN term_kind VARCHAR(40);
