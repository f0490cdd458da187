package ru.noko.platform.web;

/** A 1-based page of a list; {@code per_page} is bounded by the contract (≤ 500). */
public record PageRequest(int page, int perPage) {

    public static final int DEFAULT_PER_PAGE = 50;

    public static PageRequest of(Integer page, Integer perPage) {
        return new PageRequest(page == null ? 1 : page, perPage == null ? DEFAULT_PER_PAGE : perPage);
    }

    public long offset() {
        return (long) (page - 1) * perPage;
    }
}
