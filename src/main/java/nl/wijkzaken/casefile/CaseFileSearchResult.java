package nl.wijkzaken.casefile;

import java.util.List;

/** One page of search results and how many cases matched in all. */
public record CaseFileSearchResult(List<CaseFileEntry> items, long totalItems, int page, int size) {

    public int totalPages() {
        return size == 0 ? 0 : (int) ((totalItems + size - 1) / size);
    }
}
