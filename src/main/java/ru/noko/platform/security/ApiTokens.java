package ru.noko.platform.security;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.platform.database.Sql;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creates, lists, revokes and checks API tokens; secrets are returned once and stored as SHA-256. */
@Singleton
public class ApiTokens {

    /** A token just created, with the secret the caller must keep. */
    public record Created(ApiToken token, String secret) {
    }

    private final Sql sql;
    private final AuditLog audit;

    public ApiTokens(Sql sql, AuditLog audit) {
        this.sql = sql;
        this.audit = audit;
    }

    @Transactional
    public Created create(Caller by, String name, boolean admin, List<String> regions) {
        List<String> scope = admin ? List.of() : regions.stream().distinct().sorted().toList();
        long id = sql.one("SELECT nextval(pg_get_serial_sequence('api_token', 'id'))", List.of(), row -> row.getLong(1))
                .orElseThrow();
        String secret = TokenSecrets.newSecret(id);
        sql.jdbc().prepareStatement("""
                INSERT INTO api_token (id, name, role, regions, token_hash, created_by) VALUES (?, ?, ?, ?, ?, ?)""",
                statement -> {
                    statement.setLong(1, id);
                    statement.setString(2, name);
                    statement.setString(3, admin ? "admin" : "operator");
                    statement.setArray(4, statement.getConnection().createArrayOf("text", scope.toArray()));
                    statement.setBytes(5, TokenSecrets.hash(secret));
                    statement.setString(6, by.name());
                    return statement.executeUpdate();
                });
        audit.record(by, "token.create", "token/" + id, Map.of("name", name, "role", admin ? "admin" : "operator",
                "regions", scope));
        return new Created(find(id).orElseThrow(), secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list() {
        return sql.list("SELECT * FROM api_token ORDER BY id DESC", List.of(), ApiTokens::token);
    }

    @Transactional(readOnly = true)
    public Optional<ApiToken> find(long id) {
        return sql.one("SELECT * FROM api_token WHERE id = ?", List.of(id), ApiTokens::token);
    }

    /** @return false when there is no such token */
    @Transactional
    public boolean revoke(Caller by, long id) {
        if (find(id).isEmpty()) {
            return false;
        }
        int changed = sql.update("UPDATE api_token SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL", List.of(id));
        audit.record(by, "token.revoke", "token/" + id, Map.of("was_active", changed > 0));
        return true;
    }

    /** The caller a presented token stands for, if it is a live stored token. */
    @Transactional
    public Optional<Caller> authenticate(String presented) {
        Long id = TokenSecrets.idOf(presented);
        if (id == null) {
            return Optional.empty();
        }
        record Row(byte[] hash, String name, boolean admin, List<String> regions) {
        }
        Optional<Row> row = sql.one("SELECT token_hash, name, role, regions FROM api_token WHERE id = ? AND revoked_at IS NULL",
                List.of(id), r -> new Row(r.getBytes(1), r.getString(2), "admin".equals(r.getString(3)), texts(r.getArray(4))));
        if (row.isEmpty() || !TokenSecrets.matches(row.get().hash(), presented)) {
            return Optional.empty();
        }
        sql.update("UPDATE api_token SET last_used_at = now() WHERE id = ?", List.of(id));
        return Optional.of(new Caller(id, row.get().name(), row.get().admin(), java.util.Set.copyOf(row.get().regions())));
    }

    private static ApiToken token(ResultSet row) throws SQLException {
        return new ApiToken(row.getLong("id"), row.getString("name"), "admin".equals(row.getString("role")),
                texts(row.getArray("regions")), row.getObject("created_at", OffsetDateTime.class),
                row.getString("created_by"), row.getObject("revoked_at", OffsetDateTime.class),
                row.getObject("last_used_at", OffsetDateTime.class));
    }

    static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
