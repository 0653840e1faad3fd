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

    /** Process variables that more than one class reads or writes. */
    public static final class Variables {
        public static final String CASE_NUMBER = "caseNumber";
        public static final String CHANNEL = "channel";
        public static final String APPLICANT_NAME = "applicantName";
        public static final String APPLICANT_EMAIL = "applicantEmail";
        public static final String NEIGHBOURHOOD = "neighbourhood";
        public static final String CATEGORY = "category";
        public static final String TITLE = "title";
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
        public static final String CO_SIGN_AGREED = "coSignAgreed";
        public static final String CO_SIGN_REMARK = "coSignRemark";
        /** The mail template of a message step (local to the step). */
        public static final String MESSAGE_TYPE = "messageType";
        /** The resident's supplement, correlated with {@link Messages#SUPPLEMENT_RECEIVED}. */
        public static final String SUPPLEMENT_TEXT = "supplementText";

        private Variables() {
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
