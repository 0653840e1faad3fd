-- One spelling of outcome codes (nl.wijkzaken.casefile.Outcome): the case file wrote the endings without a decision
-- with an underscore, the process, forms and mails with a hyphen.
UPDATE case_file SET outcome = 'niet-ontvankelijk' WHERE outcome = 'niet_ontvankelijk';
UPDATE case_file SET outcome = 'buiten-behandeling' WHERE outcome = 'buiten_behandeling';
