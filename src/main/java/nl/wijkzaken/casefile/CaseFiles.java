package nl.wijkzaken.casefile;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import nl.wijkzaken.shared.EngineClock;

/**
 * The case files and their history: what the residents' status page and the auditor's dossier read. Writes
 * happen from the process (in the engine's transaction), so a case file never records what the process rolled back.
 */
@Service
public class CaseFiles {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CaseFiles(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public Optional<CaseFile> find(String caseNumber) {
        return jdbc.sql("SELECT * FROM case_file WHERE case_number = ?").param(caseNumber)
                .query(CaseFiles::caseFile).optional();
    }

    /** Oldest first. */
    public List<CaseEvent> events(String caseNumber) {
        return jdbc.sql("SELECT * FROM case_event WHERE case_number = ? ORDER BY occurred_at, id").param(caseNumber)
                .query(CaseFiles::caseEvent).list();
    }

    /** Appends an event; {@code status} may be null for events that change no resident-facing status. */
    public void recordEvent(String caseNumber, CaseEventType type, CaseStatus status, String detail, String actor) {
        append(caseNumber, type, status == null ? null : status.text(), detail, actor, null, null);
    }

    public void open(CaseFile file) {
        jdbc.sql("""
                INSERT INTO case_file (case_number, process_instance_id, channel, applicant_name, applicant_email,
                  neighbourhood, category, title, amount_requested, urgency, owner_group, owner_team, received_on,
                  legal_deadline, status_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(file.caseNumber(), file.processInstanceId(), file.channel(), file.applicantName(),
                        file.applicantEmail(), file.neighbourhood(), file.category(), file.title(),
                        file.amountRequested(), file.urgency(), file.ownerGroup(), file.ownerTeam(),
                        Date.valueOf(file.receivedOn()), Date.valueOf(file.legalDeadline()), file.status().name())
                .update();
        append(file.caseNumber(), CaseEventType.STATUS, file.status().text(),
                "Verzoek geregistreerd, behandeld door " + file.ownerTeam(), null, null, file.legalDeadline());
    }

    /**
     * The legal route and why, as the table {@code request-route} decided it when the case file opened (no event: it
     * is part of the opening).
     */
    public void recordRoute(String caseNumber, Route route, String reason) {
        jdbc.sql("UPDATE case_file SET route = ?, route_reason = ? WHERE case_number = ?")
                .params(route.code(), limit(reason), caseNumber).update();
    }

    /**
     * The owner corrected the route at the completeness check: the case file gets the new route and the history an
     * event {@link CaseEventType#ROUTE_CHANGED} ({@code detail} in words a resident reads: before, after, reason).
     */
    public void changeRoute(String caseNumber, Route route, String reason, String detail, String actor) {
        jdbc.sql("UPDATE case_file SET route = ?, route_reason = ? WHERE case_number = ?")
                .params(route.code(), limit(reason), caseNumber).update();
        append(caseNumber, CaseEventType.ROUTE_CHANGED, null, detail, actor, null, null);
    }

    /** Why the case has its route (the table's reason or the owner's correction); empty where no route is recorded. */
    public Optional<String> routeReason(String caseNumber) {
        return jdbc.sql("SELECT route_reason FROM case_file WHERE case_number = ?").param(caseNumber)
                .query((rs, row) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(reason -> reason);
    }

    private static String limit(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 4000);
    }

    /** The legal route; empty for an unknown case and for a case registered before routes existed. */
    public Optional<Route> route(String caseNumber) {
        return jdbc.sql("SELECT route FROM case_file WHERE case_number = ?").param(caseNumber)
                .query((rs, row) -> Optional.ofNullable(rs.getString(1)).flatMap(Route::ofCode))
                .optional().flatMap(route -> route);
    }

    public void changeStatus(String caseNumber, CaseStatus status, String detail, String actor) {
        jdbc.sql("UPDATE case_file SET status_code = ? WHERE case_number = ?").params(status.name(), caseNumber).update();
        append(caseNumber, CaseEventType.STATUS, status.text(), detail, actor, null, null);
    }

    public void conclude(String caseNumber, CaseStatus status, Outcome outcome, BigDecimal decidedAmount, String detail, String actor) {
        jdbc.sql("UPDATE case_file SET status_code = ?, outcome = ?, decided_amount = ?, closed_on = ? WHERE case_number = ?")
                .params(status.name(), outcome.code(), decidedAmount, Date.valueOf(EngineClock.today()), caseNumber).update();
        append(caseNumber, CaseEventType.STATUS, status.text(), detail, actor, null, null);
    }

    /**
     * Who decided, in which group, and whether the day the decision became final lies after the legal deadline
     * as it stands then (suspensions and an extension included).
     */
    public void recordDecision(String caseNumber, String decidedBy, String decidingGroup, LocalDate decidedOn) {
        jdbc.sql("""
                UPDATE case_file SET decided_by = ?, deciding_group = ?, decided_on = ?,
                  decided_after_deadline = CASE WHEN legal_deadline < ? THEN TRUE ELSE FALSE END
                WHERE case_number = ?""")
                .params(decidedBy, decidingGroup, Date.valueOf(decidedOn), Date.valueOf(decidedOn), caseNumber)
                .update();
    }

    /**
     * The decision went out: records the day (the one the Awb counts from), judges timeliness on it (4:17: late is
     * sent after the legal deadline as it stands), appends the event and publishes {@link DecisionSent}.
     */
    public void recordDecisionSent(String caseNumber, LocalDate sentOn, String channel, String actor) {
        jdbc.sql("""
                UPDATE case_file SET decision_sent_on = ?, decision_sent_by = ?,
                  decided_after_deadline = CASE WHEN legal_deadline < ? THEN TRUE ELSE FALSE END
                WHERE case_number = ?""")
                .params(Date.valueOf(sentOn), channel, Date.valueOf(sentOn), caseNumber).update();
        // The answer to a verzoek is no decision (Awb 1:3, LEGAL.md 1): the dossier says what went out.
        String outcome = jdbc.sql("SELECT outcome FROM case_file WHERE case_number = ?").param(caseNumber)
                .query(String.class).optional().orElse(null);
        boolean answer = Outcome.ofCode(outcome).map(Outcome::isAnswer).orElse(false);
        append(caseNumber, CaseEventType.DECISION_SENT, null, (answer ? "Antwoord verzonden " : "Besluit verzonden ") + channel,
                actor, null, null);
        events.publishEvent(new DecisionSent(caseNumber, sentOn, channel));
    }

    /** The day the case's decision was sent, if it was. */
    public Optional<LocalDate> decisionSentOn(String caseNumber) {
        return jdbc.sql("SELECT decision_sent_on FROM case_file WHERE case_number = ?").param(caseNumber)
                .query((rs, row) -> Optional.ofNullable(localDate(rs, "decision_sent_on"))).list()
                .stream().flatMap(Optional::stream).findFirst();
    }

    /**
     * At registration: the postal address (Awb 4:2) and the channel for decisions with the consent for e-mail, its
     * time and where it was given (Awb 2:8), in the case file and as a case event ({@code detail} in words).
     */
    public void recordDeliveryChoice(String caseNumber, DeliveryChoice choice, String detail, String actor) {
        jdbc.sql("""
                UPDATE case_file SET postal_street = ?, postal_house_number = ?, postal_code = ?, postal_place = ?,
                  decision_channel = ?, email_consent_at = ?, email_consent_source = ?, email_consent_withdrawn_at = ?
                WHERE case_number = ?""")
                .params(choice.postalStreet(), choice.postalHouseNumber(), choice.postalCode(), choice.postalPlace(),
                        choice.channel(), timestamp(choice.emailConsentAt()), choice.emailConsentSource(),
                        timestamp(choice.emailConsentWithdrawnAt()), caseNumber)
                .update();
        append(caseNumber, CaseEventType.DECISION_CHANNEL_CHOSEN, null, detail, actor, null, null);
    }

    /**
     * The resident withdrew the consent for e-mail: from now on decisions go by post ({@code postChannel}). Answers
     * false, and records nothing, when no consent holds.
     */
    public boolean withdrawEmailConsent(String caseNumber, String postChannel, String detail, String actor) {
        int changed = jdbc.sql("""
                UPDATE case_file SET decision_channel = ?, email_consent_withdrawn_at = ?
                WHERE case_number = ? AND email_consent_at IS NOT NULL AND email_consent_withdrawn_at IS NULL""")
                .params(postChannel, Timestamp.valueOf(EngineClock.localNow()), caseNumber).update();
        if (changed == 0) {
            return false;
        }
        append(caseNumber, CaseEventType.EMAIL_CONSENT_WITHDRAWN, null, detail, actor, null, null);
        return true;
    }

    /** The address and channel for decisions; empty for an unknown case. */
    public Optional<DeliveryChoice> deliveryChoice(String caseNumber) {
        return jdbc.sql("""
                SELECT postal_street, postal_house_number, postal_code, postal_place, decision_channel, email_consent_at,
                  email_consent_source, email_consent_withdrawn_at FROM case_file WHERE case_number = ?""")
                .param(caseNumber)
                .query((rs, row) -> new DeliveryChoice(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), localDateTime(rs.getTimestamp(6)), rs.getString(7),
                        localDateTime(rs.getTimestamp(8))))
                .optional();
    }

    private static Timestamp timestamp(LocalDateTime at) {
        return at == null ? null : Timestamp.valueOf(at);
    }

    private static LocalDateTime localDateTime(Timestamp at) {
        return at == null ? null : at.toLocalDateTime();
    }

    public void changeDeadline(String caseNumber, CaseEventType type, CaseStatus status, LocalDate before, LocalDate after,
                        LocalDate suspendedSince, boolean extended, String detail, String actor) {
        jdbc.sql("UPDATE case_file SET legal_deadline = ?, suspended_since = ?, deadline_extended = ?"
                        + (status == null ? "" : ", status_code = '" + status.name() + "'") + " WHERE case_number = ?")
                .params(Date.valueOf(after), suspendedSince == null ? null : Date.valueOf(suspendedSince), extended, caseNumber)
                .update();
        append(caseNumber, type, status == null ? null : status.text(), detail, actor, before, after);
    }

    /**
     * The deadline facts kept next to the legal deadline: the registration moment (Awb 4:2: the date of receipt is
     * the day it arrived, kept in {@code received_on}), the counted end before the Atw, the date announced in a
     * notice of extension and the kind of term. Null arguments leave the stored value as it is.
     */
    public void recordDeadlineFacts(String caseNumber, LocalDateTime registeredAt, LocalDate countedDeadline,
                                    LocalDate announcedDeadline, String termKind) {
        jdbc.sql("""
                UPDATE case_file SET registered_at = COALESCE(?, registered_at),
                  counted_deadline = COALESCE(?, counted_deadline),
                  announced_deadline = COALESCE(?, announced_deadline), term_kind = COALESCE(?, term_kind)
                WHERE case_number = ?""")
                .params(registeredAt == null ? null : Timestamp.valueOf(registeredAt),
                        countedDeadline == null ? null : Date.valueOf(countedDeadline),
                        announcedDeadline == null ? null : Date.valueOf(announcedDeadline), termKind, caseNumber)
                .update();
    }

    public Optional<CaseDeadline> deadline(String caseNumber) {
        return jdbc.sql("""
                SELECT case_number, registered_at, legal_deadline, counted_deadline, announced_deadline, term_kind
                FROM case_file WHERE case_number = ?""").param(caseNumber)
                .query((rs, row) -> new CaseDeadline(rs.getString("case_number"),
                        rs.getTimestamp("registered_at") == null ? null : rs.getTimestamp("registered_at").toLocalDateTime(),
                        localDate(rs, "legal_deadline"), localDate(rs, "counted_deadline"),
                        localDate(rs, "announced_deadline"), rs.getString("term_kind")))
                .optional();
    }

    public void recordDeadlineEvent(String caseNumber, CaseEventType type, LocalDate deadline, String detail) {
        append(caseNumber, type, null, detail, null, deadline, deadline);
    }

    private void append(String caseNumber, CaseEventType type, String statusText, String detail, String actor,
                        LocalDate before, LocalDate after) {
        jdbc.sql("""
                INSERT INTO case_event (case_number, occurred_at, event_type, status_text, detail, actor, deadline_before, deadline_after)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseNumber, Timestamp.valueOf(EngineClock.localNow()), type.code(), statusText,
                        detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 4000), actor,
                        before == null ? null : Date.valueOf(before), after == null ? null : Date.valueOf(after))
                .update();
    }

    private static CaseFile caseFile(ResultSet rs, int row) throws SQLException {
        return new CaseFile(rs.getString("case_number"), rs.getString("process_instance_id"), rs.getString("channel"),
                rs.getString("applicant_name"), rs.getString("applicant_email"), rs.getString("neighbourhood"),
                rs.getString("category"), rs.getString("title"), rs.getBigDecimal("amount_requested"),
                rs.getString("urgency"), rs.getString("owner_group"), rs.getString("owner_team"),
                localDate(rs, "received_on"), localDate(rs, "legal_deadline"), localDate(rs, "suspended_since"),
                rs.getBoolean("deadline_extended"), CaseStatus.valueOf(rs.getString("status_code")),
                Outcome.fromColumn(rs.getString("outcome")), rs.getBigDecimal("decided_amount"), localDate(rs, "closed_on"));
    }

    private static CaseEvent caseEvent(ResultSet rs, int row) throws SQLException {
        return new CaseEvent(rs.getLong("id"), rs.getString("case_number"),
                rs.getTimestamp("occurred_at").toLocalDateTime(), CaseEventType.fromColumn(rs.getString("event_type")),
                rs.getString("status_text"), rs.getString("detail"), rs.getString("actor"),
                localDate(rs, "deadline_before"), localDate(rs, "deadline_after"));
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
