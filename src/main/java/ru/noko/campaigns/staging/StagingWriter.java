package ru.noko.campaigns.staging;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import ru.noko.campaigns.OrganizationIdentity;
import ru.noko.campaigns.upload.RowSink;
import ru.noko.campaigns.upload.StagedRow;
import ru.noko.catalog.SearchText;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Streams checked rows into {@code staged_result} with one {@code COPY … FROM STDIN} on the
 * current transaction's connection: rows are encoded as COPY text and sent in 256 KB chunks as
 * they arrive, so neither the file nor the rows are ever held in memory. No other statement may
 * run on that connection until {@link #finish()}.
 */
public final class StagingWriter implements RowSink, AutoCloseable {

    static final String COLUMNS = "job_id, line, inn, kpp, ogrn, bus_reg_num, name, short_name, type, oktmo, municipality,"
            + " address, website, search_name, k1, k2, k3, k4, k5, total, published_total, recipients, respondents,"
            + " indicator_values, zero_rule_indicators, raw_values";
    private static final int CHUNK = 256 * 1024;

    private final Connection connection;
    private CopyIn copy;
    private final String jobPrefix;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
    private boolean finished;

    /** The COPY starts with the first row, so the connection stays usable until then. */
    public StagingWriter(Connection connection, long jobId) {
        this.connection = connection;
        this.jobPrefix = jobId + "\t";
    }

    private void start() {
        try {
            copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY staged_result (" + COLUMNS + ") FROM STDIN");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start COPY into staging", e);
        }
    }

    @Override
    public void accept(StagedRow row) {
        if (copy == null) {
            start();
        }
        OrganizationIdentity o = row.organization();
        StringBuilder b = buffer;
        b.append(jobPrefix).append(row.line());
        text(o.inn());
        text(o.kpp());
        text(o.ogrn());
        text(o.busRegNum());
        text(o.name());
        text(o.shortName());
        text(o.type().code());
        text(o.oktmo());
        text(row.municipality());
        text(o.address());
        text(o.website());
        text(SearchText.fold(o.name() + (o.shortName() == null ? "" : " " + o.shortName())));
        for (int i = 0; i < 5; i++) {
            number(row.criteria() == null ? null : row.criteria()[i]);
        }
        number(row.total());
        number(row.publishedTotal());
        number(row.recipients());
        number(row.respondents());
        array(row.indicators());
        b.append('\t');
        if (row.zeroRuleIndicators().isEmpty()) {
            b.append("{}");
        } else {
            b.append('{').append(String.join(",", row.zeroRuleIndicators())).append('}');
        }
        array(row.rawValues());
        b.append('\n');
        if (b.length() >= CHUNK) {
            flush();
        }
    }

    /** Ends the COPY; returns the number of rows staged. */
    public long finish() {
        finished = true;
        if (copy == null) {
            return 0;
        }
        flush();
        try {
            return copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into staging failed", e);
        }
    }

    @Override
    public void close() {
        if (!finished && copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the transaction is rolled back anyway
            }
        }
    }

    private void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into staging failed", e);
        }
        buffer.setLength(0);
    }

    private void text(String value) {
        buffer.append('\t');
        if (value == null) {
            buffer.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private void number(Number value) {
        buffer.append('\t');
        if (value == null) {
            buffer.append("\\N");
        } else {
            buffer.append(value);
        }
    }

    private void array(Number[] values) {
        buffer.append('\t');
        if (values == null) {
            buffer.append("\\N");
            return;
        }
        buffer.append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append(',');
            }
            buffer.append(values[i] == null ? "NULL" : values[i].toString());
        }
        buffer.append('}');
    }
}
