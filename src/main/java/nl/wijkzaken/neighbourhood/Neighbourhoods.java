package nl.wijkzaken.neighbourhood;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register of neighbourhoods: the one place that says which neighbourhoods exist. */
@Service
public class Neighbourhoods {

    private final JdbcClient jdbc;

    Neighbourhoods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Neighbourhood> all() {
        return jdbc.sql("SELECT code, name FROM neighbourhood ORDER BY name")
                .query(Neighbourhood.class)
                .list();
    }

    public Optional<Neighbourhood> find(String code) {
        return jdbc.sql("SELECT code, name FROM neighbourhood WHERE code = ?")
                .param(code)
                .query(Neighbourhood.class)
                .optional();
    }

    public boolean exists(String code) {
        return code != null && find(code).isPresent();
    }

    /** Adds the neighbourhood unless one with the same code is already registered. */
    @Transactional
    public void register(Neighbourhood neighbourhood) {
        if (!exists(neighbourhood.code())) {
            jdbc.sql("INSERT INTO neighbourhood (code, name) VALUES (?, ?)")
                    .params(neighbourhood.code(), neighbourhood.name())
                    .update();
        }
    }
}
