package nl.wijkzaken.audit;

import java.util.List;
import java.util.Optional;

import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.shared.DutchFormat;

/**
 * The dossier's "Soort verzoek" (LEGAL.md 1): subsidy (Awb titel 4.2) or a request for the municipality to act, why,
 * and every correction at the completeness check with when and by whom, from the case file and its events.
 */
record RouteView(String route, String reason, List<String> corrections) {

    /** Empty for cases registered before routes existed. */
    static Optional<RouteView> of(CaseFiles caseFiles, String caseNumber, StaffNames.Names names) {
        return caseFiles.route(caseNumber).map(route -> new RouteView(route.label(),
                caseFiles.routeReason(caseNumber).orElse(null),
                caseFiles.events(caseNumber).stream().filter(event -> event.type() == CaseEventType.ROUTE_CHANGED)
                        .map(event -> DutchFormat.dateTime(event.occurredAt().atZone(DutchFormat.ZONE).toInstant())
                                + (event.actor() == null ? "" : ", " + names.person(event.actor())) + ": " + event.detail())
                        .toList()));
    }
}
