package org.kbportal.backend.backup;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * Column values as JSON, by a logical type that means the same on H2 and PostgreSQL ({@code text},
 * {@code int}, {@code timestamptz}, ...), so an archive of one database loads into the other. Times
 * with a zone are written as UTC instants; binary values as Base64; decimals as strings (exact).
 */
final class RowCodec {

    private RowCodec() {}

    static String logicalType(int jdbcType, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (name.contains("timestamptz") || name.contains("timestamp with time zone")) {
            return "timestamptz";
        }
        return switch (jdbcType) {
            case Types.BIT, Types.BOOLEAN -> "bool";
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> "int";
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> "float";
            case Types.NUMERIC, Types.DECIMAL -> "decimal";
            case Types.DATE -> "date";
            case Types.TIME -> "time";
            case Types.TIMESTAMP -> "timestamp";
            case Types.TIMESTAMP_WITH_TIMEZONE -> "timestamptz";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "bytes";
            default -> "text";
        };
    }

    static void write(JsonGenerator out, ResultSet rs, int index, String type) throws SQLException, IOException {
        switch (type) {
            case "bool" -> {
                boolean v = rs.getBoolean(index);
                if (rs.wasNull()) {
                    out.writeNull();
                } else {
                    out.writeBoolean(v);
                }
            }
            case "int" -> {
                long v = rs.getLong(index);
                if (rs.wasNull()) {
                    out.writeNull();
                } else {
                    out.writeNumber(v);
                }
            }
            case "float" -> {
                double v = rs.getDouble(index);
                if (rs.wasNull()) {
                    out.writeNull();
                } else {
                    out.writeNumber(v);
                }
            }
            case "decimal" ->
                string(
                        out,
                        rs.getBigDecimal(index) == null
                                ? null
                                : rs.getBigDecimal(index).toPlainString());
            case "date" -> string(out, str(rs.getObject(index, LocalDate.class)));
            case "time" -> string(out, str(rs.getObject(index, LocalTime.class)));
            case "timestamp" -> string(out, str(rs.getObject(index, LocalDateTime.class)));
            case "timestamptz" -> {
                OffsetDateTime v = rs.getObject(index, OffsetDateTime.class);
                string(out, v == null ? null : v.toInstant().toString());
            }
            case "bytes" -> {
                byte[] v = rs.getBytes(index);
                string(out, v == null ? null : Base64.getEncoder().encodeToString(v));
            }
            default -> string(out, rs.getString(index));
        }
    }

    static void bind(PreparedStatement ps, int index, String type, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            ps.setNull(index, sqlType(type));
            return;
        }
        switch (type) {
            case "bool" -> ps.setBoolean(index, value.asBoolean());
            case "int" -> ps.setLong(index, value.asLong());
            case "float" -> ps.setDouble(index, value.asDouble());
            case "decimal" -> ps.setBigDecimal(index, new BigDecimal(value.asString()));
            case "date" -> ps.setObject(index, LocalDate.parse(value.asString()));
            case "time" -> ps.setObject(index, LocalTime.parse(value.asString()));
            case "timestamp" -> ps.setObject(index, LocalDateTime.parse(value.asString()));
            case "timestamptz" ->
                ps.setObject(
                        index, OffsetDateTime.ofInstant(java.time.Instant.parse(value.asString()), ZoneOffset.UTC));
            case "bytes" -> ps.setBytes(index, Base64.getDecoder().decode(value.asString()));
            default -> ps.setString(index, value.asString());
        }
    }

    private static int sqlType(String type) {
        return switch (type) {
            case "bool" -> Types.BOOLEAN;
            case "int" -> Types.BIGINT;
            case "float" -> Types.DOUBLE;
            case "decimal" -> Types.NUMERIC;
            case "date" -> Types.DATE;
            case "time" -> Types.TIME;
            case "timestamp" -> Types.TIMESTAMP;
            case "timestamptz" -> Types.TIMESTAMP_WITH_TIMEZONE;
            case "bytes" -> Types.VARBINARY;
            default -> Types.VARCHAR;
        };
    }

    private static String str(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof LocalTime t) {
            return t.format(DateTimeFormatter.ISO_LOCAL_TIME);
        }
        return v.toString();
    }

    private static void string(JsonGenerator out, String v) throws IOException {
        if (v == null) {
            out.writeNull();
        } else {
            out.writeString(v);
        }
    }
}
