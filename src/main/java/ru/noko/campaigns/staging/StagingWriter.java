package ru.noko.campaigns.staging;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import ru.noko.campaigns.OrganizationIdentity;
import ru.noko.campaigns.upload.RowSink;
import ru.noko.campaigns.upload.StagedRow;
import ru.noko.catalog.GroupResult;
import ru.noko.catalog.SearchText;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Streams checked rows into {@code staged_result} with one {@code COPY … FROM STDIN (FORMAT binary)}
 * on the current transaction's connection: rows are encoded as they arrive and sent in 256 KB
 * chunks, so neither the file nor the rows are ever held in memory. The binary format spares both
 * sides the text form of the fourteen indicator values and the raw-input arrays of every row,
 * which cost more than the rest of the import. No other statement may run on that connection
 * until {@link #finish()}.
 */
public final class StagingWriter implements RowSink, AutoCloseable {

    static final String COLUMNS = "job_id, line, inn, kpp, ogrn, bus_reg_num, name, short_name, type, oktmo, municipality,"
            + " address, website, search_name, k1, k2, k3, k4, k5, total, published_total, recipients, respondents,"
            + " indicator_values, zero_rule_indicators, raw_values, total_computed, total_check, place_region,"
            + " indicator_values_computed, indicator_checks, respondent_groups";
    private static final short FIELDS = 32;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int INT8_OID = 20;
    private static final int TEXT_OID = 25;
    private static final int FLOAT8_OID = 701;
    private static final int CHUNK = 256 * 1024;

    private final Connection connection;
    private final long jobId;
    private final BinaryBuffer buffer = new BinaryBuffer(CHUNK + 64 * 1024);
    private CopyIn copy;
    private boolean finished;

    /** The COPY starts with the first row, so the connection stays usable until then. */
    public StagingWriter(Connection connection, long jobId) {
        this.connection = connection;
        this.jobId = jobId;
    }

    private void start() {
        try {
            copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY staged_result (" + COLUMNS + ") FROM STDIN (FORMAT binary)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start COPY into staging", e);
        }
        buffer.bytes(SIGNATURE);
        buffer.int32(0); // flags
        buffer.int32(0); // header extension length
    }

    @Override
    public void accept(StagedRow row) {
        if (copy == null) {
            start();
        }
        OrganizationIdentity o = row.organization();
        BinaryBuffer b = buffer;
        b.int16(FIELDS);
        int8(jobId);
        int4(row.line());
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
            if (row.criteria() == null || Double.isNaN(row.criteria()[i])) {
                b.int32(-1); // NULL: an expert checklist row, or a criterion the methodology does not have
            } else {
                float8(row.criteria()[i]);
            }
        }
        float8(row.total());
        float8(row.publishedTotal());
        int4(row.recipients());
        int4(row.respondents());
        float8Array(row.indicators());
        textArray(row.zeroRuleIndicators());
        int8Array(row.rawValues());
        float8(row.totalComputed());
        text(row.totalCheck() == null ? null : row.totalCheck().code());
        int4(row.placeRegion());
        float8Array(row.indicatorsComputed());
        textArray(row.indicatorChecks() == null ? null : java.util.Arrays.asList(row.indicatorChecks()));
        text(groupsJson(row.groups()));
        if (b.size() >= CHUNK) {
            flush();
        }
    }

    /** Ends the COPY; returns the number of rows staged. */
    public long finish() {
        finished = true;
        if (copy == null) {
            return 0;
        }
        buffer.int16((short) -1);
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
        if (buffer.size() == 0) {
            return;
        }
        try {
            copy.writeToCopy(buffer.array(), 0, buffer.size());
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into staging failed", e);
        }
        buffer.clear();
    }

    /**
     * {@code {"parent": {"respondents": 3, "indicators": {"1.3": {"value": 50.0, "zero": false}}}}}; null
     * for no groups. Group names and indicator codes are the service's own, never operator text.
     */
    static String groupsJson(List<GroupResult> groups) {
        if (groups == null || groups.isEmpty()) {
            return null;
        }
        StringBuilder json = new StringBuilder("{");
        for (GroupResult group : groups) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(group.group()).append("\":{\"respondents\":").append(group.respondents())
                    .append(",\"indicators\":{");
            boolean first = true;
            for (GroupResult.Value value : group.indicators()) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                json.append('"').append(value.code()).append("\":{\"value\":")
                        .append(value.value() == null ? "null" : Double.toString(value.value()))
                        .append(",\"zero\":").append(value.zeroRuleApplied()).append('}');
            }
            json.append("}}");
        }
        return json.append('}').toString();
    }

    private void text(String value) {
        if (value == null) {
            buffer.int32(-1);
        } else {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            buffer.int32(bytes.length);
            buffer.bytes(bytes);
        }
    }

    private void int4(Number value) {
        if (value == null) {
            buffer.int32(-1);
            return;
        }
        long v = value.longValue();
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Value " + v + " does not fit a staged integer column");
        }
        buffer.int32(4);
        buffer.int32((int) v);
    }

    private void int8(long value) {
        buffer.int32(8);
        buffer.int64(value);
    }

    private void float8(Double value) {
        if (value == null) {
            buffer.int32(-1);
        } else {
            buffer.int32(8);
            buffer.int64(Double.doubleToLongBits(value));
        }
    }

    /** A one-dimensional array header: ndim, has-nulls flag, element type, length, lower bound 1. */
    private void arrayHeader(int byteLength, int elements, boolean hasNulls, int elementOid) {
        buffer.int32(byteLength);
        buffer.int32(elements == 0 ? 0 : 1);
        buffer.int32(hasNulls ? 1 : 0);
        buffer.int32(elementOid);
        if (elements > 0) {
            buffer.int32(elements);
            buffer.int32(1);
        }
    }

    private static int headerBytes(int elements) {
        return elements == 0 ? 12 : 20;
    }

    private void float8Array(Double[] values) {
        eightByteArray(values, FLOAT8_OID, value -> Double.doubleToLongBits(value.doubleValue()));
    }

    private void int8Array(Long[] values) {
        eightByteArray(values, INT8_OID, Number::longValue);
    }

    /** An array of float8 or int8: every element is 8 bytes, or a NULL. */
    private void eightByteArray(Number[] values, int elementOid, java.util.function.ToLongFunction<Number> bits) {
        if (values == null) {
            buffer.int32(-1);
            return;
        }
        int nulls = 0;
        for (Number value : values) {
            nulls += value == null ? 1 : 0;
        }
        arrayHeader(headerBytes(values.length) + nulls * 4 + (values.length - nulls) * 12, values.length, nulls > 0,
                elementOid);
        for (Number value : values) {
            if (value == null) {
                buffer.int32(-1);
            } else {
                buffer.int32(8);
                buffer.int64(bits.applyAsLong(value));
            }
        }
    }

    private void textArray(List<String> values) {
        if (values == null) {
            buffer.int32(-1);
            return;
        }
        int nulls = 0;
        for (String value : values) {
            nulls += value == null ? 1 : 0;
        }
        byte[][] encoded = new byte[values.size()][];
        int length = headerBytes(values.size());
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = values.get(i) == null ? null : values.get(i).getBytes(StandardCharsets.UTF_8);
            length += 4 + (encoded[i] == null ? 0 : encoded[i].length);
        }
        arrayHeader(length, encoded.length, nulls > 0, TEXT_OID);
        for (byte[] element : encoded) {
            if (element == null) {
                buffer.int32(-1);
            } else {
                buffer.int32(element.length);
                buffer.bytes(element);
            }
        }
    }

    /** A growable big-endian byte buffer. */
    private static final class BinaryBuffer {

        private byte[] bytes;
        private int size;

        BinaryBuffer(int capacity) {
            bytes = new byte[capacity];
        }

        int size() {
            return size;
        }

        byte[] array() {
            return bytes;
        }

        void clear() {
            size = 0;
        }

        void int16(short value) {
            ensure(2);
            bytes[size++] = (byte) (value >>> 8);
            bytes[size++] = (byte) value;
        }

        void int32(int value) {
            ensure(4);
            bytes[size++] = (byte) (value >>> 24);
            bytes[size++] = (byte) (value >>> 16);
            bytes[size++] = (byte) (value >>> 8);
            bytes[size++] = (byte) value;
        }

        void int64(long value) {
            int32((int) (value >>> 32));
            int32((int) value);
        }

        void bytes(byte[] data) {
            ensure(data.length);
            System.arraycopy(data, 0, bytes, size, data.length);
            size += data.length;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
