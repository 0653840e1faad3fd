-- The status link of a request a member of the front office registered in Tasklist, kept only until that clerk has
-- handed the receipt to the caller (task "Ontvangstbewijs geven"): like a pending mail keeps its link until it is
-- sent, the link exists here only that long. Afterwards it exists only in the resident's mailbox and on the receipt.
CREATE TABLE front_office_receipt (
    case_number   VARCHAR(32)  NOT NULL PRIMARY KEY,
    registered_by VARCHAR(200) NOT NULL,
    status_url    VARCHAR(400) NOT NULL,
    created_at    TIMESTAMP    NOT NULL
);
