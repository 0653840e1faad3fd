-- Route verzoek (LEGAL.md 1): when the municipality pays work it does itself from the neighbourhood's budget, that is
-- an internal allocation, not a grant to the resident; the ledger books it with its own movement type.
ALTER TABLE budget_movement DROP CONSTRAINT ck_movement_type;
ALTER TABLE budget_movement ADD CONSTRAINT ck_movement_type CHECK (movement_type IN
    ('BUDGET_SET', 'BUDGET_CHANGE', 'RESERVATION', 'RELEASE', 'CORRECTION', 'INTERNAL_ALLOCATION'));
