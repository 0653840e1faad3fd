-- Penalty for late decisions (dwangsom bij niet tijdig beslissen, Awb 4:17-4:18): one notice of default per case.
CREATE TABLE penalty (
    case_number          VARCHAR(20)   NOT NULL PRIMARY KEY REFERENCES case_file (case_number),
    process_instance_id  VARCHAR(64)   NOT NULL,
    -- 4:17 lid 1 and 4: the day the notice was received, how, and who registered it (null: the resident online).
    notice_received_on   DATE          NOT NULL,
    notice_channel       VARCHAR(40)   NOT NULL,
    registered_by        VARCHAR(100),
    registered_at        TIMESTAMP     NOT NULL,
    -- 4:17 lid 3: day 1 (the day after the Atw-moved two weeks); day 42 at most (lid 1).
    first_day            DATE          NOT NULL,
    -- Set when it stopped: the day the decision was sent, or day 42; null while it runs or if nothing was owed.
    last_day_owed        DATE,
    stopped              BOOLEAN       NOT NULL DEFAULT FALSE,
    days_owed            INTEGER,
    amount_owed          DECIMAL(12,2),
    -- 4:18: the decision that fixes it, within two weeks after the last day owed (Atw-moved).
    fix_by               DATE,
    outcome              VARCHAR(60),
    fixed_amount         DECIMAL(12,2),
    motivation           VARCHAR(4000),
    decided_by           VARCHAR(100),
    fixed_on             DATE,
    -- The payment order as a recorded fact (4:87 lid 1: within six weeks); the letter comes from the letters work.
    payment_to           VARCHAR(200),
    payment_due_on       DATE
);
