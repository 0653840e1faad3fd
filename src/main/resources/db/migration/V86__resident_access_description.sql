-- The status page repeats what the resident asked: the description as submitted (engine text variables hold 4000).
ALTER TABLE resident_access ADD COLUMN description VARCHAR(4000);
ALTER TABLE resident_access ADD COLUMN category VARCHAR(64);
ALTER TABLE resident_access ADD COLUMN amount_requested DECIMAL(12,2);
