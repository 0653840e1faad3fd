-- Every mail to a resident, by message id: the guarantee that a retried send never mails twice, and the
-- outbox of mails that are waiting for the mail server. The values are cleared once the mail is sent.
CREATE TABLE resident_mail (
    message_id   VARCHAR(200) NOT NULL PRIMARY KEY,
    message_type VARCHAR(40)  NOT NULL,
    recipient    VARCHAR(254) NOT NULL,
    mail_values  VARCHAR(20000),
    status       VARCHAR(10)  NOT NULL,
    attempts     INTEGER      NOT NULL,
    last_error   VARCHAR(1000),
    created_at   TIMESTAMP    NOT NULL,
    sent_at      TIMESTAMP
);
