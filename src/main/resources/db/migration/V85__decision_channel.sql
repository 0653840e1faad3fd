-- Awb 4:2: an application states the applicant's address; Awb 2:8 (as changed on 1 January 2026): decisions go by
-- e-mail only with the addressee's express consent, recorded with when and where it was given or withdrawn. Post is
-- the default, so an e-mail address is no longer required. Cases from before this migration have no channel (null).
ALTER TABLE case_file ALTER COLUMN applicant_email DROP NOT NULL;
ALTER TABLE case_file ADD COLUMN postal_street VARCHAR(200);
ALTER TABLE case_file ADD COLUMN postal_house_number VARCHAR(20);
ALTER TABLE case_file ADD COLUMN postal_code VARCHAR(7);
ALTER TABLE case_file ADD COLUMN postal_place VARCHAR(100);
ALTER TABLE case_file ADD COLUMN decision_channel VARCHAR(20);
ALTER TABLE case_file ADD COLUMN email_consent_at TIMESTAMP;
ALTER TABLE case_file ADD COLUMN email_consent_source VARCHAR(40);
ALTER TABLE case_file ADD COLUMN email_consent_withdrawn_at TIMESTAMP;
