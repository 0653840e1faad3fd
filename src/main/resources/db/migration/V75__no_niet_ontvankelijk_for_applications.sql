-- "Niet-ontvankelijk" is no outcome of an application (Awb; LEGAL.md section 3): the term belongs to objections and
-- appeals. The completeness step now knows only compleet, incompleet (4:5), doorsturen (2:3) and geen aanvraag.
--
-- What the old step concluded as "niet-ontvankelijk" legally was a refusal (afwijzing) of the application:
-- - it went out as a decision: the resident's mail and status page carried the objection clause, so the resident may
--   have objected or may still do so; calling it "geen aanvraag" now would take that right away afterwards;
-- - nothing was forwarded to another body (no competent body was recorded), so "doorgezonden" would state a fact
--   that never happened;
-- - no repair term was given, so it was not a 4:5 "buiten behandeling".
-- A decision not to grant what was asked, with reasons and an objection clause, is a refusal: outcome 'afgewezen',
-- granted amount 0 (as every refusal), status BESLUIT_GENOMEN for a case still between conclusion and closing.
-- The resident-facing status text of its conclusion event is renamed in the same way, so the status page keeps
-- showing the reasons given then; the event's time, detail (the reasons) and actor stay as they were.
UPDATE case_file SET outcome = 'afgewezen', decided_amount = COALESCE(decided_amount, 0)
 WHERE outcome = 'niet-ontvankelijk';
UPDATE case_file SET status_code = 'BESLUIT_GENOMEN' WHERE status_code = 'NIET_ONTVANKELIJK';
UPDATE case_event SET status_text = 'Besluit genomen' WHERE status_text = 'Niet-ontvankelijk';
