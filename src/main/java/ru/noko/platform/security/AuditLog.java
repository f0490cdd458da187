package ru.noko.platform.security;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.platform.database.Sql;
import ru.noko.platform.web.Page;
import ru.noko.platform.web.PageRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Who did what, when, to what: one row per admin action, written in the action's transaction. */
@Singleton
public class AuditLog {

    public record Entry(long id, OffsetDateTime at, String actor, Long tokenId, String action, String target,
                        Map<String, Object> details) {
    }

    private final Sql sql;
    private final JsonMapper json;

    public AuditLog(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    @Transactional
    public void record(Caller caller, String action, String target, Map<String, ?> details) {
        String detailsJson;
        try {
            detailsJson = json.writeValueAsString(details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sql.update("INSERT INTO audit_log (actor, token_id, action, target, details) VALUES (?, ?, ?, ?, ?::jsonb)",
                Arrays.asList(caller.name(), caller.tokenId(), action, target, detailsJson));
    }

    @Transactional(readOnly = true)
    public Page<Entry> list(String target, PageRequest page) {
        List<Object> parameters = new ArrayList<>();
        String where = "";
        if (target != null) {
            where = " WHERE target = ?";
            parameters.add(target);
        }
        long total = sql.count("SELECT count(*) FROM audit_log" + where, parameters);
        parameters.add(page.perPage());
        parameters.add(page.offset());
        List<Entry> rows = sql.list("SELECT * FROM audit_log" + where + " ORDER BY id DESC LIMIT ? OFFSET ?", parameters,
                row -> new Entry(row.getLong("id"), row.getObject("at", OffsetDateTime.class), row.getString("actor"),
                        row.getObject("token_id", Long.class), row.getString("action"), row.getString("target"),
                        details(row.getString("details"))));
        return new Page<>(rows, total, page);
    }

    private Map<String, Object> details(String text) {
        try {
            return json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
