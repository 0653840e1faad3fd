package nl.wijkzaken.residents;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;

/** Builds the status page's view model; the one place to add the case file (CaseFiles) after the lifecycle merge. */
@Component
class StatusViews {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL"));

    private final Neighbourhoods neighbourhoods;

    StatusViews(Neighbourhoods neighbourhoods) {
        this.neighbourhoods = neighbourhoods;
    }

    StatusView of(ResidentCase residentCase) {
        String received = DATE.format(residentCase.receivedAt().atZone(ZONE));
        String neighbourhood = neighbourhoods.find(residentCase.neighbourhood()).map(Neighbourhood::name)
                .orElse(residentCase.neighbourhood());
        // Until the case file is wired in, the timeline knows only the receipt.
        List<StatusView.TimelineEntry> timeline = List.of(new StatusView.TimelineEntry(received, "Verzoek ontvangen"));
        return new StatusView(residentCase.caseNumber(), residentCase.title(), neighbourhood, received, null,
                timeline, null, null);
    }
}
