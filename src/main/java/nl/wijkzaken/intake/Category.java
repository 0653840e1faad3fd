package nl.wijkzaken.intake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a request is about; the code is what APIs, forms and DMN tables use. */
public enum Category {
    VERKEER_EN_PARKEREN("verkeer-en-parkeren", "Verkeer en parkeren"),
    GROEN_EN_OPENBARE_RUIMTE("groen-en-openbare-ruimte", "Groen en openbare ruimte"),
    SPELEN_EN_SPORT("spelen-en-sport", "Spelen en sport"),
    SOCIAAL_EN_ONTMOETING("sociaal-en-ontmoeting", "Sociaal en ontmoeting"),
    VEILIGHEID("veiligheid", "Veiligheid"),
    EVENEMENT_OF_ACTIVITEIT("evenement-of-activiteit", "Evenement of activiteit"),
    OVERIG("overig", "Overig");

    private final String code;
    private final String label;

    Category(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    @JsonCreator
    public static Category fromCode(String code) {
        for (Category category : values()) {
            if (category.code.equals(code)) {
                return category;
            }
        }
        throw new IllegalArgumentException("Onbekende categorie: " + code);
    }
}
