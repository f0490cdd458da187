package ru.noko.catalog;

import jakarta.inject.Singleton;
import ru.noko.methodology.Score;
import ru.noko.platform.web.ScoreRounding;

/** Tables round scores ({@code round=2}) as the methodology rounds them for display: {@link Score}. */
@Singleton
class ScoreDisplay implements ScoreRounding {

    @Override
    public Number rounded(double score) {
        return new Score(score).rounded();
    }
}
