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
        /** The front office's receipt, only for a request a person registered in Tasklist. */
        public static final String GIVE_RECEIPT = "GiveReceipt";
        /** Boundary timers on the handling sub-process; their jobs move with the legal deadline. */
        public static final String REMINDER_TIMER = "ReminderTimer";
        public static final String ESCALATION_TIMER = "EscalationTimer";

        private Tasks() {
        }
    }

    /** BPMN message names, as correlated from Java. */
    public static final class Messages {
        /** The resident's supplement from the status page; caught by "Aanvulling ontvangen". */
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

        private Decisions() {
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
        public static final String AMOUNT_REQUESTED = "amountRequested";
        public static final String RECEIVED_ON = "receivedOn";
        public static final String OWNER_GROUP = "ownerGroup";
        public static final String OWNER_TEAM = "ownerTeam";
        public static final String LEGAL_DEADLINE = "legalDeadline";
        public static final String SUPPLEMENT_REQUESTED_ON = "supplementRequestedOn";
        public static final String REPAIR_TERM_ENDS_AT = "repairTermEndsAt";
        /** The owner's judgement in "Volledigheid beoordelen": compleet, incompleet or niet-ontvankelijk. */
        public static final String COMPLETENESS = "completeness";
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
        /** The resident's supplement, correlated with {@link Messages#SUPPLEMENT_RECEIVED}. */
        public static final String SUPPLEMENT_TEXT = "supplementText";

        private Variables() {
        }
    }
}
