package ru.noko.platform.csv;

/**
 * The one rule against CSV formula injection (OWASP "CSV injection"): text starting with a character
 * a spreadsheet would run as a formula — {@code - = + @}, tab or CR — gets a leading {@code '}. The
 * Java writer ({@link CsvWriter}) and PostgreSQL {@code COPY} dumps ({@link #sql}) apply the same rule.
 */
public final class FormulaGuard {

    /** The characters that make text a formula when they come first. */
    static final String FORMULA_START = "-=+@\t\r";

    private FormulaGuard() {
    }

    public static String neutralised(String text) {
        if (!text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /** The same rule as a PostgreSQL expression over a text column, e.g. {@code r.name}, for COPY. */
    public static String sql(String column) {
        StringBuilder characters = new StringBuilder();
        for (char c : FORMULA_START.toCharArray()) {
            characters.append(c == '\t' ? "\\t" : c == '\r' ? "\\r" : String.valueOf(c));
        }
        return "CASE WHEN " + column + " ~ '^[" + characters + "]' THEN '''' || " + column + " ELSE " + column + " END";
    }
}
