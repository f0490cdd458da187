package ru.noko.explorer.web;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.catalog.SearchText;
import ru.noko.platform.database.Sql;

import java.util.ArrayList;
import java.util.List;

/** Municipalities by words of their name (ё = е, case-insensitive), for the home page's search by place. */
@Singleton
class Places {

    static final int LIMIT = 10;

    record Place(String oktmo, String name, String regionCode) {
    }

    private final Sql sql;

    Places(Sql sql) {
        this.sql = sql;
    }

    @Transactional(readOnly = true)
    List<Place> find(String text) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        for (String word : SearchText.fold(text).split(" ")) {
            where.append(where.isEmpty() ? " WHERE " : " AND ")
                    .append("replace(lower(name), 'ё', 'е') LIKE ? ESCAPE '\\'");
            parameters.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        parameters.add(LIMIT);
        return sql.list("SELECT oktmo, name, region_code FROM municipality" + where + " ORDER BY name COLLATE \"C\", oktmo LIMIT ?",
                parameters, row -> new Place(row.getString("oktmo"), row.getString("name"), row.getString("region_code")));
    }
}
