package ru.noko.campaigns.upload;

import ru.noko.methodology.Score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Official places against the file's own totals: a row placed above another must not have a
 * lower total. Such rows are published as the file has them (the table is the legal record) and
 * reported as warnings naming both rows. Ties are the operator's: equal places with different
 * totals, or equal totals with different places, are not contradictions.
 */
final class PlaceOrderCheck {

    static final String CODE = "places_out_of_order";

    private record Placed(int line, double total, int place) {
    }

    private final List<Placed> rows = new ArrayList<>();

    void add(int line, Double officialTotal, Integer officialPlace) {
        if (officialTotal != null && officialPlace != null) {
            rows.add(new Placed(line, officialTotal, officialPlace));
        }
    }

    /** Every row whose total is higher than that of a row the file placed above it. */
    void report(UploadReport report) {
        rows.sort(Comparator.comparingInt(Placed::place).thenComparingInt(Placed::line));
        Placed lowestAbove = null;
        int i = 0;
        while (i < rows.size()) {
            int groupEnd = i;
            while (groupEnd < rows.size() && rows.get(groupEnd).place() == rows.get(i).place()) {
                groupEnd++;
            }
            Placed lowestOfGroup = null;
            for (int j = i; j < groupEnd; j++) {
                Placed row = rows.get(j);
                if (lowestAbove != null && lowestAbove.total() < row.total()) {
                    report.warning(UploadReport.cell(row.line(), UploadFields.PLACES.get(0), String.valueOf(row.place()), CODE,
                            "Место " + row.place() + " в строке " + row.line() + " (итоговый балл "
                                    + new Score(row.total()).russian() + ") ниже места " + lowestAbove.place()
                                    + " в строке " + lowestAbove.line() + " с меньшим итоговым баллом "
                                    + new Score(lowestAbove.total()).russian()
                                    + ": места в файле противоречат его итоговым баллам; опубликованы как в файле"));
                }
                if (lowestOfGroup == null || row.total() < lowestOfGroup.total()) {
                    lowestOfGroup = row;
                }
            }
            if (lowestAbove == null || lowestOfGroup.total() < lowestAbove.total()) {
                lowestAbove = lowestOfGroup;
            }
            i = groupEnd;
        }
    }
}
