-- The day a decision was sent (e-mail accepted by the mail server, or the letter handed to the post): Awb 3:40/3:41
-- (effect), 6:8 (objection term) and 4:17 (timeliness) count from it, not from the day it was taken.
ALTER TABLE case_file ADD COLUMN decision_sent_on DATE;
ALTER TABLE case_file ADD COLUMN decision_sent_by VARCHAR(40);
