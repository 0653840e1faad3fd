package nl.wijkzaken.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resident's postal address (Awb 4:2, required at intake) for tests that start cases from variables or JSON, and,
 * unless the test says otherwise, the answer to "Wie voert het uit?" (also required): the residents themselves.
 */
public final class TestAddress {

    public static final String STREET = "Straatweg";
    public static final String HOUSE_NUMBER = "1";
    public static final String POSTAL_CODE = "3621 AB";
    public static final String PLACE = "Breukelen";

    private TestAddress() {
    }

    /** Unless a test chooses: the residents carry it out (with money asked: route subsidie). */
    public static final String CARRIED_OUT_BY = "bewoners";

    /** The variables (or JSON fields) with the address added, and {@code carriedOutBy} when they have none. */
    public static Map<String, Object> with(Map<String, ?> variables) {
        Map<String, Object> result = new LinkedHashMap<>(variables);
        result.put("postalStreet", STREET);
        result.put("postalHouseNumber", HOUSE_NUMBER);
        result.put("postalCode", POSTAL_CODE);
        result.put("postalPlace", PLACE);
        result.putIfAbsent("carriedOutBy", CARRIED_OUT_BY);
        return result;
    }

    /** As {@link #with}, in the engine REST API's form {@code {"name": {"value": ...}}}. */
    public static Map<String, Object> withValues(Map<String, ?> variables) {
        Map<String, Object> result = new LinkedHashMap<>(variables);
        with(Map.of()).forEach((name, value) -> {
            if (!"carriedOutBy".equals(name) || !variables.containsKey(name)) {
                result.put(name, Map.of("value", value));
            }
        });
        return result;
    }
}
