package nl.wijkzaken.residents;

import java.util.List;

/**
 * Everything the status page shows. Today filled from the residents' own table only; after the lifecycle merge
 * {@link StatusViews} fills {@code handlingTeam}, {@code timeline}, {@code deadline} and {@code decision} from the
 * case file. Null means "not known (yet)"; the page shows a neutral text then.
 */
record StatusView(String caseNumber, String title, String neighbourhoodName, String receivedOn, String handlingTeam,
                  List<TimelineEntry> timeline, Deadline deadline, Decision decision) {

    /** One resident-facing status text ("Ontvangen", "In behandeling", ...) with its date. */
    record TimelineEntry(String date, String text) {
    }

    /** The legal deadline; {@code paused} while the case waits for the resident (the days do not run). */
    record Deadline(String dueDate, long daysLeft, boolean paused) {
    }

    /** The decision once taken: outcome, motivation and the date; the page adds the objection clause. */
    record Decision(String outcome, String motivation, String decidedOn) {
    }
}
