package nl.wijkzaken.benchmark;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import nl.wijkzaken.support.PostgresTestDatabase;

/**
 * Years of finished cases in minutes: the cases the lifecycle phases drove through the real engine are the
 * templates, and each finished case of the history is a copy of one of them, made in SQL
 * ({@code INSERT … SELECT … JOIN bench_clone}) with
 * <ul>
 * <li>new ids everywhere a row refers to the case ({@code md5(clone || ':' || old id)} as a UUID: same length and
 *     the same random spread over the indexes as the engine's own UUIDs), model ids (process/decision definitions,
 *     deployments, activity ids, users, groups) unchanged;</li>
 * <li>a new case number (business key, and inside texts that mention it), numbered per year after the case-number
 *     counter, which is then moved past them;</li>
 * <li>every timestamp moved back in time so that the cases end at an even rate over the last
 *     {@value #HISTORY_YEARS} years (the largest history size; smaller sizes are its most recent part), date variables
 *     with them, and the budget reservation booked in its own year;</li>
 * <li>a status token per case ({@link #token}) whose hash goes into {@code resident_access}, as the public intake
 *     stores it.</li>
 * </ul>
 * Engine tables: every {@code ACT_HI_*} table (process, activity, task, variable and detail, identity links, user
 * operation log, job log, incidents, comments, attachments, decision instances with their inputs and outputs) and the
 * {@code ACT_GE_BYTEARRAY} rows of the case's history; application tables: every table with a {@code case_number}
 * column (case file and events, budget movements, resident mail, …) found in the schema, so tables added later are
 * copied too. {@link #verify} compares a copy's dossier with its template's.
 */
final class HistorySeeder {

    /** History is kept 10 years (P3650D); the largest history ends at an even rate over the last 9. */
    static final int HISTORY_YEARS = 9;
    private static final int CHUNK = 5000;
    /**
     * Above this many copies at once, the secondary indexes of the copied tables are dropped before and built again
     * after (as a DBA loads data): maintaining ~100 indexes on random UUIDs row by row makes a 100,000-case history
     * take an hour. Below it (the first, smaller history) the indexes are kept, so that its bytes per case include
     * the slack of indexes that grew case by case, as in production.
     */
    static final int REBUILD_THRESHOLD = 20_000;
    /** The database without the benchmark's own bookkeeping tables (bench_*). */
    private static final String DATABASE_SIZE = """
            SELECT pg_database_size(current_database()) - coalesce((SELECT sum(pg_total_relation_size(oid)) FROM pg_class
              WHERE relkind = 'r' AND relname LIKE 'bench\\_%' AND relnamespace = current_schema()::regnamespace), 0)""";
    private static final Set<String> KEEP = Set.of("proc_def_id_", "proc_def_key_", "dec_def_id_", "dec_def_key_",
            "dec_req_id_", "dec_req_key_", "deployment_id_", "tenant_id_", "user_id_", "group_id_", "assigner_id_",
            "start_user_id_", "act_id_", "start_act_id_", "end_act_id_", "clause_id_", "rule_id_", "job_def_id_",
            "activity_id_", "failed_activity_id_", "process_def_id_", "process_def_key_", "case_def_id_",
            "case_def_key_", "batch_id_", "task_def_key_", "case_activity_id_");
    static final List<String> ENGINE_TABLES = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
            "act_hi_varinst", "act_hi_detail", "act_hi_identitylink", "act_hi_op_log", "act_hi_job_log",
            "act_hi_incident", "act_hi_comment", "act_hi_attachment", "act_hi_decinst", "act_hi_dec_in",
            "act_hi_dec_out", "act_hi_ext_task_log", "act_ge_bytearray");
    private static final Set<String> NOT_COPIED = Set.of("resident_access", "resident_idempotency", "case_number_counter");

    private final Benchmark b;
    private final String url;
    private final List<String[]> templates = new ArrayList<>(); // process instance id, business key
    private final Set<String> sources = new java.util.HashSet<>();
    private int clones;
    private final Map<Integer, double[]> seeded = new LinkedHashMap<>(); // size → seconds, bytes per case
    private final long maxSize;

    HistorySeeder(Benchmark b) throws SQLException {
        this.b = b;
        this.url = b.app.databaseUrl;
        this.maxSize = b.settings.historySizes().stream().mapToLong(Integer::longValue).max().orElse(1);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            // The two latest finished cases of each neighbourhood are the templates.
            templates.addAll(pick(c));
            if (templates.isEmpty()) {
                throw new IllegalStateException("No finished resident-request case to copy");
            }
            s.execute("DROP TABLE IF EXISTS bench_template");
            s.execute("CREATE TABLE bench_template (slot INT PRIMARY KEY, pi VARCHAR(64), business_key VARCHAR(64), "
                    + "start_time TIMESTAMP, end_time TIMESTAMP)");
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO bench_template SELECT ?, id_, business_key_, start_time_, end_time_
                    FROM act_hi_procinst WHERE id_ = ?""")) {
                for (int i = 0; i < templates.size(); i++) {
                    insert.setInt(1, i);
                    insert.setString(2, templates.get(i)[0]);
                    insert.executeUpdate();
                }
            }
            s.execute("DROP TABLE IF EXISTS bench_clone");
            s.execute("CREATE TABLE bench_clone (k INT PRIMARY KEY, template_pi VARCHAR(64), template_key VARCHAR(64), "
                    + "case_number VARCHAR(20), shift INTERVAL, shift_ms BIGINT, clone_start TIMESTAMP)");
        }
    }

    /** The two latest finished cases of each neighbourhood. */
    private List<String[]> pick(Connection c) throws SQLException {
        List<String[]> picked = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT id_, business_key_ FROM (
                  SELECT p.id_, p.business_key_, f.neighbourhood,
                         row_number() OVER (PARTITION BY f.neighbourhood ORDER BY p.end_time_ DESC) AS n
                  FROM act_hi_procinst p JOIN case_file f ON f.case_number = p.business_key_
                  WHERE p.proc_def_key_ = 'resident-request' AND p.state_ = 'COMPLETED') latest
                WHERE n <= 2 ORDER BY neighbourhood, n""")) {
            while (rs.next()) {
                picked.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return picked;
    }

    /** Adds copies until the database holds {@code size} finished resident-request cases. */
    void seedTo(int size) throws Exception {
        long started = System.nanoTime();
        long before;
        long finished;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            before = single(s, DATABASE_SIZE);
            finished = single(s, "SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'resident-request' AND end_time_ IS NOT NULL");
        }
        long toAdd = size - finished;
        boolean rebuild = toAdd >= REBUILD_THRESHOLD;
        double indexSeconds = 0;
        if (toAdd > 0) {
            List<String> dropped = rebuild ? dropSecondaryIndexes() : List.of();
            for (long from = clones + 1; from <= clones + toAdd; from += CHUNK) {
                long to = Math.min(clones + toAdd, from + CHUNK - 1);
                copy((int) from, (int) to);
                System.out.printf("  history: %d of %d copies%n", to, clones + toAdd);
            }
            clones += (int) toAdd;
            if (rebuild) {
                long indexStart = System.nanoTime();
                createIndexes(dropped);
                indexSeconds = (System.nanoTime() - indexStart) / 1e9;
                b.report.paragraph("History: %d secondary indexes of the copied tables dropped before adding %d copies and built again after, in %.0f s."
                        .formatted(dropped.size(), toAdd, indexSeconds));
            }
        }
        long after;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            long vacuumStart = System.nanoTime();
            // What autovacuum would have done by now in production: statistics and visibility maps of the copied tables.
            List<String> tables = new ArrayList<>(ENGINE_TABLES);
            tables.addAll(appTables(c));
            tables.add("resident_access");
            s.execute("VACUUM (ANALYZE) " + String.join(", ", tables));
            System.out.printf("  VACUUM (ANALYZE): %.0f s%n", (System.nanoTime() - vacuumStart) / 1e9);
            after = single(s, DATABASE_SIZE);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double perCase = toAdd > 0 ? (double) (after - before) / toAdd : Double.NaN;
        seeded.put(size, new double[] {seconds, perCase, Math.max(0, toAdd), after});
        b.report.paragraph("History: %d finished cases (%d copies added in %.0f s incl. VACUUM ANALYZE); database %d MB; %.0f bytes per added finished case."
                .formatted(size, Math.max(0, toAdd), seconds, after >> 20, perCase));
        b.report.metric("history", size + " finished: database size", after, "bytes");
        b.report.metric("history", size + " finished: bytes per copied case", perCase, "bytes");
    }

    private void copy(int from, int to) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                long spanSeconds = HISTORY_YEARS * 365L * 86400;
                // The plan: which template each copy is made from, and how far back in time it goes.
                s.executeUpdate("""
                        INSERT INTO bench_clone (k, template_pi, template_key, shift, shift_ms, clone_start)
                        SELECT k, t.pi, t.business_key, shifted.shift, (extract(epoch FROM shifted.shift) * 1000)::bigint,
                               t.start_time + shifted.shift
                        FROM generate_series(%d, %d) k
                        JOIN bench_template t ON t.slot = k %% %d
                        CROSS JOIN LATERAL (SELECT (localtimestamp - make_interval(secs => k * %d.0 / %d)) - t.end_time AS shift) shifted
                        """.formatted(from, to, templates.size(), spanSeconds, maxSize));
                // Case numbers per year, after the counter; then the counter moves past them.
                s.executeUpdate("""
                        UPDATE bench_clone c SET case_number = 'BV-' || n.y || '-' || lpad((coalesce(cnt.last_number, 0) + n.rn)::text, 6, '0')
                        FROM (SELECT k, extract(year FROM clone_start)::int AS y,
                                     row_number() OVER (PARTITION BY extract(year FROM clone_start) ORDER BY k DESC) AS rn
                              FROM bench_clone WHERE k BETWEEN %d AND %d) n
                        LEFT JOIN case_number_counter cnt ON cnt.counter_year = n.y
                        WHERE c.k = n.k""".formatted(from, to));
                s.executeUpdate("""
                        INSERT INTO case_number_counter (counter_year, last_number)
                        SELECT extract(year FROM clone_start)::int, max(substring(case_number FROM 9)::int)
                        FROM bench_clone WHERE k BETWEEN %d AND %d GROUP BY 1
                        ON CONFLICT (counter_year) DO UPDATE SET last_number = greatest(case_number_counter.last_number, excluded.last_number)
                        """.formatted(from, to));
                for (String table : ENGINE_TABLES) {
                    copyTable(c, s, table, true, from, to);
                }
                for (String table : appTables(c)) {
                    copyTable(c, s, table, false, from, to);
                }
                // The status token of each copy, stored hashed as the public intake does.
                s.executeUpdate("""
                        INSERT INTO resident_access (case_number, token_hash, process_instance_id, title, neighbourhood, received_at)
                        SELECT f.case_number,
                               encode(sha256(convert_to(%s, 'UTF8')), 'hex'),
                               f.process_instance_id, f.title, f.neighbourhood, c.clone_start
                        FROM bench_clone c JOIN case_file f ON f.case_number = c.case_number
                        WHERE c.k BETWEEN %d AND %d
                        ON CONFLICT DO NOTHING""".formatted(tokenSql("f.case_number"), from, to));
            }
            c.commit();
        }
    }

    /** Drops the indexes of the copied tables that back no constraint; returns their definitions. */
    private List<String> dropSecondaryIndexes() throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>(ENGINE_TABLES);
            tables.addAll(appTables(c));
            tables.add("resident_access");
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT i.indexname, i.indexdef FROM pg_indexes i
                    WHERE i.schemaname = current_schema() AND i.tablename IN (%s)
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = (i.schemaname || '.' || i.indexname)::regclass)
                    """.formatted(String.join(", ", tables.stream().map(t -> "'" + t + "'").toList())))) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    definitions.add(rs.getString(2));
                }
            }
            for (String name : names) {
                s.execute("DROP INDEX " + name);
            }
        }
        return definitions;
    }

    private void createIndexes(List<String> definitions) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '1GB'");
            for (String definition : definitions) {
                s.execute(definition);
            }
        }
    }

    /** Every table of ours that refers to cases by number, in an order that satisfies foreign keys. */
    private List<String> appTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT table_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND column_name = 'case_number' AND table_name NOT LIKE 'act\\_%'
                  AND table_name NOT LIKE 'bench\\_%'
                ORDER BY CASE table_name WHEN 'case_file' THEN 0 ELSE 1 END, table_name""")) {
            while (rs.next()) {
                if (!NOT_COPIED.contains(rs.getString(1))) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    private void copyTable(Connection c, Statement s, String table, boolean engine, int from, int to) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        List<String[]> definitions = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("""
                SELECT column_name, data_type, is_identity, coalesce(column_default, '') FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position""")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    definitions.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                    names.add(rs.getString(1));
                }
            }
        }
        String timestampColumn = null;
        for (String[] d : definitions) {
            if (d[1].startsWith("timestamp") && timestampColumn == null) {
                timestampColumn = d[0];
            }
        }
        for (String[] d : definitions) {
            String name = d[0];
            String type = d[1];
            if ("YES".equals(d[2]) || d[3].startsWith("nextval")) {
                continue; // generated ids
            }
            String x = "x." + name;
            String expression;
            if (engine && name.equals("business_key_")) {
                expression = "c.case_number";
            } else if (engine && (name.equals("id_") || name.endsWith("_id_")) && !KEEP.contains(name)) {
                expression = remap(x);
            } else if (!engine && name.equals("case_number")) {
                expression = "c.case_number";
            } else if (!engine && name.equals("process_instance_id")) {
                expression = remap(x);
            } else if (!engine && name.equals("budget_year") && timestampColumn != null) {
                expression = "extract(year FROM x." + timestampColumn + " + c.shift)::int";
            } else if (type.startsWith("timestamp")) {
                expression = x + " + c.shift";
            } else if (type.equals("date")) {
                expression = "(" + x + " + c.shift)::date";
            } else if (engine && name.equals("long_") && names.contains("var_type_")) {
                expression = "CASE WHEN x.var_type_ = 'date' THEN x.long_ + c.shift_ms ELSE x.long_ END";
            } else if ((engine && (name.equals("text_") || name.equals("text2_")))
                    || (!engine && (type.equals("character varying") || type.equals("text")))) {
                expression = "replace(" + x + ", c.template_key, c.case_number)";
            } else {
                expression = x;
            }
            columns.add(name);
            expressions.add(expression);
        }
        String selector = names.contains("root_proc_inst_id_") ? "root_proc_inst_id_"
                : names.contains("proc_inst_id_") ? "proc_inst_id_" : null;
        if (engine && selector == null) {
            throw new IllegalStateException(table + " has no process instance column");
        }
        String source = source(s, table, engine ? selector : "case_number", engine ? "pi" : "business_key");
        String join = engine ? "x." + selector + " = c.template_pi" : "x.case_number = c.template_key";
        s.executeUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
                + String.join(", ", expressions) + " FROM " + source + " x JOIN bench_clone c ON " + join
                + " WHERE c.k BETWEEN " + from + " AND " + to);
    }

    /**
     * The templates' rows of a table, copied once into a small table: joining the plan with the big table itself would
     * scan it for every chunk (its indexes may be dropped), which makes seeding quadratic.
     */
    private String source(Statement s, String table, String column, String templateColumn) throws SQLException {
        String source = "bench_src_" + table;
        if (sources.add(source)) {
            s.execute("DROP TABLE IF EXISTS " + source);
            s.execute("CREATE TABLE " + source + " AS SELECT * FROM " + table + " WHERE " + column
                    + " IN (SELECT " + templateColumn + " FROM bench_template)");
            s.execute("ANALYZE " + source);
        }
        return source;
    }

    private static String remap(String column) {
        return "CASE WHEN " + column + " IS NULL THEN NULL ELSE md5(c.k || ':' || " + column + ")::uuid::text END";
    }

    /** The status token of a copied case: base64url of SHA-256("wijkzaken-benchmark-" + case number), 43 characters. */
    static String token(String caseNumber) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("wijkzaken-benchmark-" + caseNumber).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #token} in SQL. */
    private static String tokenSql(String caseNumber) {
        return "translate(rtrim(encode(sha256(convert_to('wijkzaken-benchmark-' || " + caseNumber
                + ", 'UTF8')), 'base64'), '='), '+/', '-_')";
    }

    /** A sample of finished copies and of their templates: [copy case number, template case number]. */
    List<String[]> sampleCopies(int n) throws SQLException {
        List<String[]> result = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT case_number, template_key FROM bench_clone ORDER BY random() LIMIT " + n)) {
            while (rs.next()) {
                result.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return result;
    }

    /** Finished resident-request cases, copies and real ones, at random. */
    List<String> sampleFinished(int n) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT business_key_ FROM act_hi_procinst WHERE proc_def_key_ = 'resident-request' AND end_time_ IS NOT NULL "
                        + "ORDER BY random() LIMIT " + n)) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }

    /** Sizes of the largest tables and indexes at the end, and bytes per finished case. */
    void writeSizes() throws SQLException {
        Report report = b.report;
        report.heading("Database size per finished case (item 6)");
        List<List<Object>> rows = new ArrayList<>();
        seeded.forEach((size, v) -> rows.add(List.of(size, (long) v[2], v[0], ((long) v[3]) >> 20, v[1])));
        report.table(List.of("finished cases", "copies added", "seconds to add (incl. VACUUM ANALYZE)", "database MB",
                "bytes per added case"), rows);
        List<List<Object>> tables = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT relname, pg_total_relation_size(oid), pg_relation_size(oid), pg_indexes_size(oid)
                FROM pg_class WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace
                ORDER BY 2 DESC LIMIT 12""")) {
            long finished = b.settings.historySizes().get(b.settings.historySizes().size() - 1);
            while (rs.next()) {
                tables.add(List.of(rs.getString(1), rs.getLong(2) >> 20, rs.getLong(3) >> 20, rs.getLong(4) >> 20,
                        (double) rs.getLong(2) / finished));
            }
        }
        report.table(List.of("table", "total MB", "heap MB", "indexes MB", "bytes per finished case"), tables);
    }

    /**
     * Checks the copies the way their readers see them: the auditor's dossier of a copy has as many entries of each kind
     * as its template's, under its own case number; and no copied history row points at a byte array that was not
     * copied. Returns what was compared; throws when they differ.
     */
    String verify(Http http) throws Exception {
        String[] pair = sampleCopies(1).get(0);
        JsonNode copy = http.ok(http.get("/api/dossiers/" + pair[0], "auditor", "application/json"), "dossier").json();
        JsonNode template = http.ok(http.get("/api/dossiers/" + pair[1], "auditor", "application/json"), "dossier").json();
        Map<String, Integer> copyKinds = kinds(copy);
        Map<String, Integer> templateKinds = kinds(template);
        if (!copyKinds.equals(templateKinds) || !copy.get("caseNumber").asText().equals(pair[0])) {
            throw new IllegalStateException("Dossier of copy " + pair[0] + " " + copyKinds + " differs from template "
                    + pair[1] + " " + templateKinds);
        }
        long dangling;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            dangling = single(s, """
                    SELECT count(*) FROM (
                      SELECT bytearray_id_ AS id FROM act_hi_varinst UNION ALL SELECT bytearray_id_ FROM act_hi_detail
                      UNION ALL SELECT bytearray_id_ FROM act_hi_dec_in UNION ALL SELECT bytearray_id_ FROM act_hi_dec_out
                      UNION ALL SELECT job_exception_stack_id_ FROM act_hi_job_log) r
                    WHERE r.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM act_ge_bytearray g WHERE g.id_ = r.id)""");
        }
        if (dangling > 0) {
            throw new IllegalStateException(dangling + " history rows point at byte arrays that do not exist");
        }
        String result = "dossier of copy %s has the same %d entries (%s) as its template %s; no history row points at a missing byte array"
                .formatted(pair[0], copy.get("timeline").size(), copyKinds, pair[1]);
        b.report.paragraph("Copies checked: " + result + ".");
        return result;
    }

    private static Map<String, Integer> kinds(JsonNode dossier) {
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        dossier.get("timeline").forEach(entry -> kinds.merge(entry.get("kind").asText(), 1, Integer::sum));
        return kinds;
    }

    int clones() {
        return clones;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, PostgresTestDatabase.user(), PostgresTestDatabase.password());
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
