package nl.wijkzaken.models;

/**
 * The names {@code processes/resident-request.bpmn} and its DMN tables and forms share with Java: the one place
 * Java spells them. Renaming an id in the diagram means renaming it here (the README's "The resident-request
 * process" documents them as the process's contract).
 */
public final class ResidentRequestProcess {

    public static final String KEY = "resident-request";

    private ResidentRequestProcess() {
    }

    /** Ids of the diagram's activities that Java looks up (user tasks and timers). */
    public static final class Tasks {
        public static final String CHECK_COMPLETENESS = "CheckCompleteness";
        public static final String GIVE_ADVICE = "GiveAdvice";
        public static final String DELIBERATE = "Deliberate";
        public static final String DECIDE = "Decide";
        public static final String HANDLE_FAST_LANE = "HandleFastLane";
        public static final String CO_SIGN_DECISION = "CoSignDecision";
        public static final String DEADLINE_APPROACHING = "DeadlineApproaching";
        public static final String HANDLE_ESCALATION = "HandleEscalation";
        /** Awb 4:5: after the repair term lapsed, leave the application unhandled or continue. */
        public static final String DECIDE_NOT_HANDLED = "DecideNotHandled";
        /** The boundary message on {@link #DECIDE_NOT_HANDLED}: a supplement after the repair term, before the 4:5 decision. */
        public static final String LATE_SUPPLEMENT_RECEIVED = "LateSupplementReceived";
        /** Waiting for the supplement (message or repair-term timer). */
        public static final String AWAIT_SUPPLEMENT = "AwaitSupplement";
        /** "Per post verzenden": the front office prints the decision letter and posts it. */
        public static final String SEND_BY_POST = "SendByPost";
        /** The front office's receipt, only for a request a person registered in Tasklist. */
        public static final String GIVE_RECEIPT = "GiveReceipt";
        /** Boundary timers on the handling sub-process; their jobs move with the legal deadline. */
        public static final String REMINDER_TIMER = "ReminderTimer";
        public static final String ESCALATION_TIMER = "EscalationTimer";
        /** Route verzoek: the reasoned answer to a request for the municipality to act (no decision, Awb 1:3). */
        public static final String ANSWER_REQUEST = "AnswerRequest";

        private Tasks() {
        }
    }

    /** The fields of "Verzoek beantwoorden" (forms/verzoek-beantwoorden.form) and what its listener fixes. */
    public static final class Answer {
        /** uitvoeren, niet-uitvoeren or anders-uitvoeren (casefile.Outcome#isAnswer); copied to {@code outcome}. */
        public static final String ANSWER = "answer";
        public static final String MOTIVATION = "answerMotivation";
        /** What exactly the municipality does (uitvoeren, anders-uitvoeren). */
        public static final String WHAT = "answerWhat";
        /** When: the planned date, ISO (yyyy-MM-dd) as the form sends it. */
        public static final String PLANNED_ON = "answerPlannedOn";
        /** Optional: what the municipality pays for it from the neighbourhood's budget (internal allocation). */
        public static final String ALLOCATED_AMOUNT = "allocatedAmount";
        /** Who answered: the assignee who completed the task, never a submitted value. */
        public static final String ANSWERED_BY = "answeredBy";

        private Answer() {
        }
    }

    /** BPMN message names, as correlated from Java. */
    public static final class Messages {
        /**
         * A supplement (status page, or registered by staff with its date of receipt); caught by "Aanvulling
         * ontvangen" while the repair term runs and by "Aanvulling na termijn ontvangen" until the 4:5 decision.
         */
        public static final String SUPPLEMENT_RECEIVED = "aanvulling-ontvangen";

        private Messages() {
        }
    }

    /** External task topics. */
    public static final class Topics {
        /** Every message to the resident; the step's local variable {@link Variables#MESSAGE_TYPE} names the template. */
        public static final String RESIDENT_MESSAGE = "resident-message";

        private Topics() {
        }
    }

    /** Keys of the decision tables Java reads results of. */
    public static final class Decisions {
        public static final String MANDATE = "decision-mandate";
        /** Subsidie or verzoek (LEGAL.md 1). */
        public static final String ROUTE = "request-route";
        /** The grant's obligations per category (COLLECT, one line each). */
        public static final String GRANT_OBLIGATIONS = "grant-obligations";
        /** Advance and settlement by granted amount. */
        public static final String GRANT_ADVANCE = "grant-advance";

        private Decisions() {
        }
    }

    /**
     * The outcomes of "Volledigheid beoordelen" the law knows (LEGAL.md 3): complete; incomplete, ask a supplement
     * (Awb 4:5); forward to the competent body (Awb 2:3); not an application for a decision.
     */
    public static final class Completeness {
        public static final String COMPLETE = "compleet";
        public static final String INCOMPLETE = "incompleet";
        public static final String FORWARD = "doorsturen";
        public static final String NO_APPLICATION = "geen-aanvraag";

        private Completeness() {
        }
    }

    /** The values of the co-signer's choice (radio on besluit-medeondertekenen.form). */
    public static final class CoSign {
        public static final String AGREED = "akkoord";
        public static final String NOT_AGREED = "niet-akkoord";

        private CoSign() {
        }
    }

    /** Process variables that more than one class reads or writes. */
    public static final class Variables {
        public static final String CASE_NUMBER = "caseNumber";
        public static final String CHANNEL = "channel";
        public static final String APPLICANT_NAME = "applicantName";
        public static final String APPLICANT_EMAIL = "applicantEmail";
        public static final String NEIGHBOURHOOD = "neighbourhood";
        public static final String CATEGORY = "category";
        public static final String TITLE = "title";
        public static final String DESCRIPTION = "description";
        /** The advices in words, one line per domain (process.AdviceRound). */
        public static final String ADVICE_SUMMARY = "adviceSummary";
        /** What the joint deliberation agreed and why the amount changed, for the deciders (process). */
        public static final String DELIBERATION_SUMMARY = "deliberationSummary";
        public static final String URGENCY = "urgency";
        /** Who carries out what is asked (intake): {@code bewoners} (the applicant) or {@code gemeente}; input of the route table. */
        public static final String CARRIED_OUT_BY = "carriedOutBy";
        /** The legal route, casefile's {@code Route} code: {@code subsidie} or {@code verzoek} ("Route bepalen", corrected at the completeness check). */
        public static final String ROUTE = "route";
        /** Why the route is what it is: the route table's reason, or the owner's reason for a correction. */
        public static final String ROUTE_REASON = "routeReason";
        public static final String AMOUNT_REQUESTED = "amountRequested";
        /** The date of receipt (Awb 4:2, 4:13), start of that day: every term counts from it. */
        public static final String RECEIVED_ON = "receivedOn";
        /**
         * The day a request by post, at the desk or by e-mail arrived, as the front office enters it in the start
         * form ({@code yyyy-mm-dd}); without it (online, or code) the day of registration.
         */
        public static final String DATE_OF_RECEIPT = "dateOfReceipt";
        /** The moment the case was registered (the server's clock); online also the moment of receipt. */
        public static final String REGISTERED_AT = "registeredAt";
        /** The postal address (Awb 4:2): street, house number with addition, postcode "1234 AB", place. */
        public static final String POSTAL_STREET = "postalStreet";
        public static final String POSTAL_HOUSE_NUMBER = "postalHouseNumber";
        public static final String POSTAL_CODE = "postalCode";
        public static final String POSTAL_PLACE = "postalPlace";
        /** How decisions are sent: {@code post} or {@code e-mail} (intake's {@code DecisionChannel}); post after a withdrawal. */
        public static final String DECISION_CHANNEL = "decisionChannel";
        /** The start form's consent box (true/false): decisions by e-mail (Awb 2:8). */
        public static final String EMAIL_CONSENT = "emailConsent";
        /** When consent for e-mail was given, ISO-8601 with offset (e.g. 2026-12-01T14:05:09+01:00); null without consent. */
        public static final String EMAIL_CONSENT_AT = "emailConsentAt";
        /** Where consent was given: {@code webformulier}, {@code api} or {@code balie} (intake's {@code ConsentSource}). */
        public static final String EMAIL_CONSENT_SOURCE = "emailConsentSource";
        /** When the resident withdrew the consent (status page), ISO-8601 with offset; absent while it holds. */
        public static final String EMAIL_CONSENT_WITHDRAWN_AT = "emailConsentWithdrawnAt";
        public static final String OWNER_GROUP = "ownerGroup";
        public static final String OWNER_TEAM = "ownerTeam";
        /** The legal deadline that counts (Awb 4:13, Atw-moved), start of that day. */
        public static final String LEGAL_DEADLINE = "legalDeadline";
        /** Where counting the decision term ends, before the Atw: suspensions and extensions add to this. */
        public static final String COUNTED_DEADLINE = "countedDeadline";
        /** The date named to the resident in a notice of extension (Awb 4:14); under a regulation term not the legal one. */
        public static final String ANNOUNCED_DEADLINE = "announcedDeadline";
        /** The owner's extension in days, "zo kort mogelijk" (form "Beslistermijn bewaken"). */
        public static final String EXTENSION_DAYS = "extensionDays";
        public static final String SUPPLEMENT_REQUESTED_ON = "supplementRequestedOn";
        public static final String REPAIR_TERM_ENDS_AT = "repairTermEndsAt";
        /** The owner's judgement in "Volledigheid beoordelen": one of {@link Completeness}. */
        public static final String COMPLETENESS = "completeness";
        /** The competent body a request is forwarded to (Awb 2:3), from "Volledigheid beoordelen". */
        public static final String COMPETENT_BODY = "competentBody";
        /** The decision type whose mandate "Mandaat bepalen" evaluates (input mapping of the business rule task). */
        public static final String DECISION_TYPE = "decisionType";
        /** The mandate table's result (map: decidingGroup, coSignNeeded, coSignGroup, mandateDecision, signatoryFunction). */
        public static final String MANDATE = "mandate";
        public static final String COMPLETENESS_MOTIVATION = "completenessMotivation";
        public static final String EXTENSION_REASON = "extensionReason";
        /** The amount the decider decides on: the requested amount, or the amount agreed in deliberation. */
        public static final String AMOUNT_TO_DECIDE = "amountToDecide";
        /** An outcome code (casefile's {@code Outcome}). */
        public static final String OUTCOME = "outcome";
        public static final String DECIDED_AMOUNT = "decidedAmount";
        public static final String DECIDED_BY = "decidedBy";
        public static final String DECISION_MOTIVATION = "decisionMotivation";
        /** The co-signer's explicit choice on "Besluit medeondertekenen": {@link CoSign#AGREED} or {@link CoSign#NOT_AGREED}. */
        public static final String CO_SIGN_DECISION = "coSignDecision";
        /** Computed from {@link #CO_SIGN_DECISION} when the co-signing completes; the gateway after it reads this. */
        public static final String CO_SIGN_AGREED = "coSignAgreed";
        public static final String CO_SIGN_REMARK = "coSignRemark";
        /** The mail template of a message step (local to the step). */
        public static final String MESSAGE_TYPE = "messageType";
        /** The stored letter of the outcome ({@code decision_letter.id}), set by "Brief opstellen". */
        public static final String LETTER_ID = "letterId";
        /** The mail template of the outcome, set when the case is concluded. */
        public static final String RESULT_MESSAGE_TYPE = "resultMessageType";
        /** The resident's supplement, correlated with {@link Messages#SUPPLEMENT_RECEIVED}. */
        public static final String SUPPLEMENT_TEXT = "supplementText";
        /** The date of receipt of the supplement (Date, start of day), sent along with the message. */
        public static final String SUPPLEMENT_RECEIVED_ON = "supplementReceivedOn";
        /** The moment staff (or the status page) registered that supplement (Date): its time of complete receipt. */
        public static final String SUPPLEMENT_REGISTERED_AT = "supplementRegisteredAt";
        /** Awb 4:5 lid 4: the 4:5 decision is due within four weeks after the repair term lapsed (Date). */
        public static final String NOT_HANDLED_DECISION_DUE = "notHandledDecisionDue";
        /** The 4:5 choice in "Buiten behandeling stellen of doorgaan": buiten-behandeling or doorgaan. */
        public static final String NOT_HANDLED_DECISION = "notHandledDecision";
        public static final String NOT_HANDLED_MOTIVATION = "notHandledMotivation";

        // The grant (verlening, Awb 4:29-4:41): what the decider fixes on the decision forms and "Voorschot bepalen".
        /** The activity the subsidy is for (4:30), prefilled from the title and description. */
        public static final String GRANT_ACTIVITY = "grantActivity";
        /** The obligations and conditions (4:37-4:39), one per line, prefilled from the table grant-obligations. */
        public static final String GRANT_OBLIGATIONS = "grantObligations";
        /** The date by which the activity is done (ISO date, 4:30 lid 2). */
        public static final String ACTIVITY_END_DATE = "activityEndDate";
        /** The date by which the accountability is due (ISO date, 4:37 lid 1 onder e). */
        public static final String ACCOUNTABILITY_DUE_DATE = "accountabilityDueDate";
        /** From the table grant-advance: the advance percentage (4:95), 0 when settled directly. */
        public static final String ADVANCE_PERCENTAGE = "advancePercentage";
        /** The advance in euros (double), 0 when settled directly. */
        public static final String ADVANCE_AMOUNT = "advanceAmount";
        /** "direct" (the grant is also the settlement) or "na-verantwoording" (4:44). */
        public static final String SETTLEMENT = "settlement";
        /** The grant's elements in words, for the dossier. */
        public static final String GRANT_SUMMARY = "grantSummary";
        /** The applicant changed the application in writing after the deliberation (LEGAL.md 3): Boolean. */
        public static final String WRITTEN_CHANGE = "writtenChange";
        /** The date of that written change (ISO date). */
        public static final String WRITTEN_CHANGE_DATE = "writtenChangeDate";
        /** The amount of the changed application; it becomes {@link #AMOUNT_TO_DECIDE}. */
        public static final String WRITTEN_CHANGE_AMOUNT = "writtenChangeAmount";
        /** What else the written change changed. */
        public static final String WRITTEN_CHANGE_DESCRIPTION = "writtenChangeDescription";

        private Variables() {
        }
    }

    /**
     * The process "Dwangsom bij niet tijdig beslissen" ({@code processes/penalty.bpmn}, Awb 4:17-4:18) that runs beside
     * a case from the notice of default on; its business key is the case number, like the case's own.
     */
    public static final class Penalty {
        public static final String KEY = "late-decision-penalty";
        /** "Dwangsom loopt: besluit versturen": open while the penalty runs, for the owner and the gebiedsmanager. */
        public static final String PENALTY_RUNNING = "PenaltyRunning";
        /** "Dwangsom vaststellen" (4:18). */
        public static final String FIX_PENALTY = "FixPenalty";
        /** Waits for day 1 of the penalty, racing the message {@link #DECISION_SENT}. */
        public static final String TWO_WEEKS_TIMER = "TwoWeeksPassed";
        /** Refreshes the amount so far every day while the penalty runs. */
        public static final String DAILY_TIMER = "EveryDay";
        /** Day 42 has passed (4:17 lid 1). */
        public static final String MAXIMUM_TIMER = "MaximumReached";
        /** Correlated when the case's decision was sent ({@code casefile.DecisionSent}). */
        public static final String DECISION_SENT = "dwangsom-besluit-verzonden";

        /** The start form's fields (front office) and what the status page adds for a resident. */
        public static final String CASE_NUMBER = Variables.CASE_NUMBER;
        /** The day the notice was received, {@code yyyy-MM-dd} (a form date). */
        public static final String NOTICE_RECEIVED_ON = "noticeReceivedOn";
        /** True only when the resident sent the notice from the status page (no person is logged in then). */
        public static final String NOTICE_FROM_RESIDENT = "noticeFromResident";
        /** Computed by the process. */
        public static final String PENALTY_STARTS_AT = "penaltyStartsAt";
        public static final String PENALTY_MAX_ENDS_AT = "penaltyMaxEndsAt";
        public static final String AMOUNT_SO_FAR = "penaltyAmountSoFar";
        public static final String PENALTY_SO_FAR_TEXT = "penaltySoFarText";
        public static final String DECISION_SENT_ON = "decisionSentOn";
        public static final String DAYS_OWED = "penaltyDaysOwed";
        public static final String AMOUNT_OWED = "penaltyAmountOwed";
        public static final String FIX_BY = "penaltyFixBy";
        /** The fixing decision: a {@code casefile.PenaltyOutcome} code, the reasons, and who decided. */
        public static final String PENALTY_DECISION = "penaltyDecision";
        public static final String PENALTY_MOTIVATION = "penaltyMotivation";
        public static final String PENALTY_DECIDED_BY = "penaltyDecidedBy";
        /** What the team agreed to get the decision out ("Dwangsom loopt: besluit versturen"), and who wrote it. */
        public static final String PENALTY_AGREEMENT = "penaltyAgreement";
        public static final String PENALTY_AGREEMENT_BY = "penaltyAgreementBy";

        private Penalty() {
        }
    }

    /**
     * Task-local copies on every user task of the case, so that Tasklist's cards tell cases apart for every role
     * that may read the task (a task grant lets one read the task's own variables, not the process instance's).
     * The first three have the names of the process variables they copy, so that searching Tasklist by process or
     * task variable finds the same. The engine keeps them out of the history: they are display copies, not case data.
     */
    public static final class Cards {
        public static final String CASE_NUMBER = Variables.CASE_NUMBER;
        public static final String TITLE = Variables.TITLE;
        public static final String NEIGHBOURHOOD_NAME = "neighbourhoodName";
        /** The amount asked, in Dutch euros ("€ 1.500,00"). */
        public static final String AMOUNT_REQUESTED = "cardAmountRequested";
        /** The case's status as the resident sees it on the status page ("Advies wordt opgesteld"): "Status bewoner". */
        public static final String PHASE = "cardPhase";
        /** The legal deadline and the days left ("15-1-2027, nog 41 dagen"). */
        public static final String DEADLINE = "cardDeadline";
        /** Set when the case owner's group may only read the task: "Alleen inzien (taak van …)". */
        public static final String READ_ONLY = "cardReadOnly";

        public static final java.util.List<String> ALL = java.util.List.of(CASE_NUMBER, TITLE, NEIGHBOURHOOD_NAME,
                AMOUNT_REQUESTED, PHASE, DEADLINE, READ_ONLY);

        private Cards() {
        }
    }
}
