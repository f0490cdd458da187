/**
 * The operator console at {@code /console}: a static page, its script and stylesheet, in Russian, over the
 * admin API. The page holds no data; its script signs in with a bearer token kept in {@code sessionStorage}
 * and does everything through the same admin endpoints a {@code curl} user calls, so the console adds no
 * second way to do anything.
 */
package ru.noko.console;
