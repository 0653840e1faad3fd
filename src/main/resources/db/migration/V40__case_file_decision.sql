-- Who decided a case, in which group, on which day, and whether that was after the legal deadline:
-- filled when the case is concluded (CaseFileRecorder.conclude); what the auditors' search filters on.
ALTER TABLE case_file ADD COLUMN decided_by VARCHAR(100);
ALTER TABLE case_file ADD COLUMN deciding_group VARCHAR(100);
ALTER TABLE case_file ADD COLUMN decided_on DATE;
ALTER TABLE case_file ADD COLUMN decided_after_deadline BOOLEAN;

-- Cases concluded before this migration: the day and the deadline are known, the decider is in the engine's history.
UPDATE case_file
   SET decided_on = closed_on,
       decided_after_deadline = CASE WHEN closed_on > legal_deadline THEN TRUE ELSE FALSE END
 WHERE closed_on IS NOT NULL;

CREATE INDEX case_file_received_on ON case_file (received_on);
CREATE INDEX case_file_neighbourhood ON case_file (neighbourhood, received_on);
CREATE INDEX case_file_outcome ON case_file (outcome, received_on);
CREATE INDEX case_file_deciding_group ON case_file (deciding_group, received_on);
CREATE INDEX case_file_decided_late ON case_file (decided_after_deadline, received_on);
