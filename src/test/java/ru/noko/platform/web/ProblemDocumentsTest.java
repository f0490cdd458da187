package ru.noko.platform.web;

import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;
import ru.noko.api.model.Problem;
import ru.noko.api.model.ProblemItem;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Problem documents are bounded in one place: the number of items here, every text in {@link FieldProblem}. */
class ProblemDocumentsTest {

    @Test
    void listsTheFirstHundredProblemsAndCountsTheRest() {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            problems.add(FieldProblem.ofField("field" + i, "unknown_field", "Неизвестное поле"));
        }
        Problem problem = ProblemDocuments.problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request",
                "250 problems", "/api/v1/calculator", problems);
        assertEquals(ProblemDocuments.MAX_ITEMS, problem.getErrors().size());
        assertEquals("field0", problem.getErrors().get(0).getField(), "the first ones found");
        assertEquals("field99", problem.getErrors().get(99).getField());
        assertEquals(250, problem.getErrorsTotal());
        assertEquals(150, problem.getErrorsOmitted());
        assertEquals(ProblemDocuments.MAX_ITEMS, ProblemDocuments.items(problems).size(), "items for other documents too");
    }

    @Test
    void aShortListHasNoCounts() {
        Problem problem = ProblemDocuments.problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request",
                null, "/x", List.of(FieldProblem.ofField("a", "code", "message")));
        assertEquals(1, problem.getErrors().size());
        assertNull(problem.getErrorsTotal());
        assertNull(problem.getErrorsOmitted());
    }

    @Test
    void everyReportedTextIsCut() {
        String huge = "ж".repeat(100_000);
        FieldProblem cut = new FieldProblem(huge, 7, huge, huge, huge, "Неизвестное поле «" + huge + "»");
        for (String text : List.of(cut.field(), cut.column(), cut.value(), cut.code())) {
            assertEquals(FieldProblem.MAX_VALUE_LENGTH + 1, text.length(), "the excerpt and «…»");
            assertTrue(text.endsWith("…"));
        }
        assertEquals(FieldProblem.MAX_MESSAGE_LENGTH + 1, cut.message().length());
        assertTrue(cut.message().startsWith("Неизвестное поле «жжж"));
        assertEquals("short", FieldProblem.ofField("f", "short", "c", "m").value(), "short texts stay as they are");

        Problem problem = ProblemDocuments.problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request",
                huge, huge, List.of(cut));
        assertTrue(problem.getDetail().length() <= FieldProblem.MAX_MESSAGE_LENGTH + 1);
        assertTrue(problem.getInstance().length() <= FieldProblem.MAX_MESSAGE_LENGTH + 1);
        ProblemItem item = problem.getErrors().get(0);
        assertEquals(FieldProblem.MAX_VALUE_LENGTH + 1, item.getValue().length());
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String emoji = "😀".repeat(300); // two chars each
        String cut = new FieldProblem(null, null, null, emoji, null, null).value();
        assertTrue(cut.length() <= FieldProblem.MAX_VALUE_LENGTH + 1);
        assertTrue(cut.endsWith("…"));
        String kept = cut.substring(0, cut.length() - 1);
        assertEquals(kept.codePointCount(0, kept.length()) * 2, kept.length(), "only whole pairs: " + kept.length());
        assertNull(new FieldProblem(null, null, null, null, null, null).value());
    }
}
