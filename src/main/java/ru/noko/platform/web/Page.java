package ru.noko.platform.web;

import java.util.List;
import java.util.function.Function;

/** One page of rows and the total number of rows matching the query. */
public record Page<T>(List<T> rows, long total, PageRequest request) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(rows.stream().map(mapper).toList(), total, request);
    }

    public int pages() {
        return (int) Math.max(1, (total + request.perPage() - 1) / request.perPage());
    }
}
