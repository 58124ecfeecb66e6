package org.kbportal.backend.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tables of the current schema as JDBC metadata describes them, so backups and restores follow
 * whatever tables the migrations created, without a hard-coded list. Names are kept as the database
 * spells them ({@code ARTICLE} on H2, {@code article} on PostgreSQL) and compared in lower case.
 */
final class Schema {

    /** Flyway's own bookkeeping: restored by running the migrations, never copied. */
    static final String FLYWAY_HISTORY = "flyway_schema_history";
    /** Backup bookkeeping describes archives of the source installation, which are not in the archive. */
    static final String BACKUP_RUNS = "backup_run";

    record Column(String name, String type, boolean nullable, boolean identity) {}

    record ForeignKey(String column, String referencedTable) {}

    record Table(String name, List<Column> columns, List<String> primaryKey, List<ForeignKey> foreignKeys) {

        String key() {
            return name.toLowerCase(Locale.ROOT);
        }

        Column column(String name) {
            return columns.stream()
                    .filter(c -> c.name().equalsIgnoreCase(name))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final Map<String, Table> tables;
    private final String quote;

    private Schema(Map<String, Table> tables, String quote) {
        this.tables = tables;
        this.quote = quote;
    }

    static Schema read(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema();
        Map<String, Table> tables = new TreeMap<>();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = md.getTables(c.getCatalog(), schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        for (String name : names) {
            String key = name.toLowerCase(Locale.ROOT);
            if (key.equals(FLYWAY_HISTORY)) {
                continue;
            }
            List<Column> columns = new ArrayList<>();
            try (ResultSet rs = md.getColumns(c.getCatalog(), schema, name, "%")) {
                List<Object[]> raw = new ArrayList<>();
                while (rs.next()) {
                    raw.add(new Object[] {
                        rs.getInt("ORDINAL_POSITION"),
                        new Column(
                                rs.getString("COLUMN_NAME"),
                                RowCodec.logicalType(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME")),
                                rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                                "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT")))
                    });
                }
                raw.sort(Comparator.comparingInt(o -> (Integer) o[0]));
                raw.forEach(o -> columns.add((Column) o[1]));
            }
            Map<Integer, String> pk = new TreeMap<>();
            try (ResultSet rs = md.getPrimaryKeys(c.getCatalog(), schema, name)) {
                while (rs.next()) {
                    pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
            List<ForeignKey> fks = new ArrayList<>();
            try (ResultSet rs = md.getImportedKeys(c.getCatalog(), schema, name)) {
                while (rs.next()) {
                    fks.add(new ForeignKey(
                            rs.getString("FKCOLUMN_NAME"),
                            rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT)));
                }
            }
            tables.put(key, new Table(name, columns, List.copyOf(pk.values()), fks));
        }
        String q = md.getIdentifierQuoteString();
        return new Schema(tables, q == null || q.isBlank() ? "\"" : q.strip());
    }

    Map<String, Table> tables() {
        return tables;
    }

    Table table(String key) {
        return tables.get(key.toLowerCase(Locale.ROOT));
    }

    String q(String identifier) {
        return quote + identifier.replace(quote, quote + quote) + quote;
    }

    /**
     * An order in which every table comes after the tables it references. Self-references and
     * cycles cannot be ordered: {@link #deferred} names the columns to fill in afterwards.
     */
    List<Table> loadOrder() {
        List<Table> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        Map<String, Table> left = new LinkedHashMap<>(tables);
        while (!left.isEmpty()) {
            Table next = left.values().stream()
                    .filter(t -> t.foreignKeys().stream()
                            .map(ForeignKey::referencedTable)
                            .allMatch(r -> r.equals(t.key()) || placed.contains(r) || !tables.containsKey(r)))
                    .findFirst()
                    // a cycle: take the first of it; its references to later tables are deferred
                    .orElse(left.values().iterator().next());
            order.add(next);
            placed.add(next.key());
            left.remove(next.key());
        }
        return order;
    }

    /** Foreign-key columns of {@code t} that point at itself or at a table loaded after it. */
    static Set<String> deferred(Table t, List<Table> order) {
        int at = order.indexOf(t);
        Set<String> later = new LinkedHashSet<>();
        for (int i = at; i < order.size(); i++) {
            later.add(order.get(i).key());
        }
        Set<String> out = new LinkedHashSet<>();
        for (ForeignKey fk : t.foreignKeys()) {
            if (later.contains(fk.referencedTable())) {
                out.add(fk.column().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
