-- Which case a mail belongs to, so the case dossier can list every mail sent to the resident.
ALTER TABLE resident_mail ADD COLUMN case_number VARCHAR(20);
CREATE INDEX resident_mail_case ON resident_mail (case_number);
