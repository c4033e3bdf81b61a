package dev.dataopsbot.knowledge.incident;

/**
 * The few SQL expressions that SQLite and PostgreSQL write differently. Everything else the
 * store says is SQL both accept ({@code ON CONFLICT ... DO NOTHING}, {@code LIMIT}, {@code coalesce}).
 * Times are stored on both as ISO-8601 UTC text with milliseconds ({@link UtcTimestamps}), so
 * they sort and compare the same, and {@link #millisBetween} gives the same milliseconds on both.
 */
public interface SqlDialect {

    /** Whole milliseconds from the time in column {@code earlier} to the time in {@code later}; null when either is. */
    String millisBetween(String later, String earlier);

    /** The values of {@code expression} in the group, as one comma-separated text. */
    String commaList(String expression);

    /** The text of the top-level field {@code ?} (a bound parameter, the bare field name) of the JSON text in {@code column}. */
    String jsonField(String column);

    /**
     * An inner join that keeps the left table as the outer loop: SQLite's planner takes
     * {@code CROSS JOIN} as that hint; PostgreSQL plans a plain join by its statistics.
     */
    String joinInOrder();

    /** {@code column} in a form no index is used for (SQLite's unary {@code +}); PostgreSQL needs no hint. */
    String unindexed(String column);

    /**
     * What ends a {@code SELECT} whose rows the transaction then claims: PostgreSQL locks them and
     * skips rows another replica has locked ({@code FOR UPDATE SKIP LOCKED}); SQLite's write
     * transaction holds the whole file already.
     */
    String lockSkippingLocked();

    /** What ends a {@code SELECT} of rows the transaction will update: PostgreSQL locks them; SQLite needs nothing. */
    String forUpdate();

    /** SQLite: the incident store's dialect there. */
    SqlDialect SQLITE = new SqlDialect() {
        @Override
        public String millisBetween(String later, String earlier) {
            return "CAST(round((julianday(" + later + ") - julianday(" + earlier + ")) * 86400000) AS INTEGER)";
        }

        @Override
        public String commaList(String expression) {
            return "group_concat(" + expression + ")";
        }

        @Override
        public String jsonField(String column) {
            return "json_extract(" + column + ", '$.' || ?)";
        }

        @Override
        public String joinInOrder() {
            return "CROSS JOIN";
        }

        @Override
        public String unindexed(String column) {
            return "+" + column;
        }

        @Override
        public String lockSkippingLocked() {
            return "";
        }

        @Override
        public String forUpdate() {
            return "";
        }
    };

    /** PostgreSQL 13 or newer. */
    SqlDialect POSTGRESQL = new SqlDialect() {
        @Override
        public String millisBetween(String later, String earlier) {
            return "CAST(round(EXTRACT(EPOCH FROM (CAST(" + later + " AS timestamptz) - CAST(" + earlier
                    + " AS timestamptz))) * 1000) AS BIGINT)";
        }

        @Override
        public String commaList(String expression) {
            return "string_agg(CAST(" + expression + " AS TEXT), ',')";
        }

        @Override
        public String jsonField(String column) {
            return "(CAST(" + column + " AS jsonb) ->> CAST(? AS TEXT))";
        }

        @Override
        public String joinInOrder() {
            return "JOIN";
        }

        @Override
        public String unindexed(String column) {
            return column;
        }

        @Override
        public String lockSkippingLocked() {
            return " FOR UPDATE SKIP LOCKED";
        }

        @Override
        public String forUpdate() {
            return " FOR UPDATE";
        }
    };
}
