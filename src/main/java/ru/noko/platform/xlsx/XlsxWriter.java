package ru.noko.platform.xlsx;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The service's one XLSX writer (Apache POI SXSSF: rows go to a temporary file as they come, so a
 * table of any size takes constant memory). The data sheet has two header rows, frozen: Russian
 * names for people, then the column codes as in JSON and CSV (pandas: {@code header=1}).
 * Identifiers are text cells, so spreadsheets keep their leading zeros; scores are numbers stored
 * in full and shown with two decimals; lists are joined with {@code |} as in CSV.
 */
public final class XlsxWriter implements Closeable {

    /** Rows kept in memory before SXSSF flushes them to its temporary file. */
    private static final int WINDOW = 200;
    /** Excel's limit per sheet. */
    public static final int MAX_ROWS = 1_048_576;

    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final CellStyle headerStyle;
    private final CellStyle codeStyle;
    private final CellStyle textStyle;
    private final CellStyle scoreStyle;
    private final CellStyle dateStyle;
    private SXSSFSheet sheet;
    private List<CellKind> kinds;
    private int rowIndex;

    public XlsxWriter(OutputStream out) {
        this.out = out;
        workbook.setCompressTempFiles(true);
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        headerStyle.setWrapText(true);
        codeStyle = workbook.createCellStyle();
        Font grey = workbook.createFont();
        grey.setColor(org.apache.poi.ss.usermodel.IndexedColors.GREY_50_PERCENT.getIndex());
        codeStyle.setFont(grey);
        textStyle = workbook.createCellStyle();
        textStyle.setDataFormat(workbook.createDataFormat().getFormat("@"));
        scoreStyle = workbook.createCellStyle();
        scoreStyle.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy"));
    }

    /** Starts the data sheet: Russian headers, then codes, both frozen. */
    public void table(String sheetName, List<String> headers, List<String> codes, List<CellKind> kinds) {
        sheet = workbook.createSheet(sheetName);
        this.kinds = List.copyOf(kinds);
        rowIndex = 0;
        writeHeader(headers, headerStyle);
        writeHeader(codes, codeStyle);
        sheet.createFreezePane(0, 2);
        for (int i = 0; i < kinds.size(); i++) {
            sheet.setColumnWidth(i, 256 * switch (kinds.get(i)) {
                case IDENTIFIER, INTEGER, NUMBER, SCORE, DATE -> 14;
                case TEXT -> 30;
            });
        }
    }

    /** One data row, values in column order. */
    public void row(List<?> values) {
        if (rowIndex >= MAX_ROWS) {
            throw new IllegalStateException("More rows than a sheet holds (" + MAX_ROWS + ")");
        }
        Row row = sheet.createRow(rowIndex++);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            CellKind kind = i < kinds.size() ? kinds.get(i) : CellKind.TEXT;
            write(cell, kind, value);
        }
    }

    /** A sheet of «label — value» lines: where the data comes from. */
    public void notes(String sheetName, Map<String, String> lines) {
        Sheet notes = workbook.createSheet(sheetName);
        notes.setColumnWidth(0, 256 * 24);
        notes.setColumnWidth(1, 256 * 100);
        int index = 0;
        for (Map.Entry<String, String> line : lines.entrySet()) {
            Row row = notes.createRow(index++);
            Cell label = row.createCell(0);
            label.setCellValue(line.getKey());
            label.setCellStyle(headerStyle);
            Cell value = row.createCell(1);
            value.setCellValue(line.getValue());
            value.setCellStyle(textStyle);
        }
    }

    /** Writes the workbook to the stream and removes SXSSF's temporary files; closes the stream. */
    @Override
    public void close() {
        try (OutputStream stream = out) {
            workbook.write(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            discard();
        }
    }

    /** Removes the temporary files without writing anything (a failure half-way). */
    public void discard() {
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException ignored) {
            // the temporary files are already gone; nothing else is held
        }
    }

    private void writeHeader(List<String> names, CellStyle style) {
        Row row = sheet.createRow(rowIndex++);
        for (int i = 0; i < names.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(names.get(i));
            cell.setCellStyle(style);
        }
    }

    private void write(Cell cell, CellKind kind, Object value) {
        if (value instanceof Boolean bool) {
            cell.setCellValue(bool);
            return;
        }
        if (value instanceof Number number && kind != CellKind.IDENTIFIER && kind != CellKind.TEXT) {
            double d = number instanceof BigDecimal decimal ? decimal.doubleValue() : number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return;
            }
            cell.setCellValue(d);
            if (kind == CellKind.SCORE) {
                cell.setCellStyle(scoreStyle);
            }
            return;
        }
        if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(dateStyle);
            return;
        }
        String text;
        if (value instanceof Collection<?> items) {
            text = items.stream().map(String::valueOf).collect(Collectors.joining("|"));
        } else if (value instanceof OffsetDateTime dateTime) {
            text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime); // the offset kept, as in JSON
        } else if (value instanceof Number number) {
            text = number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString();
        } else {
            text = value.toString();
        }
        cell.setCellValue(text);
        cell.setCellStyle(textStyle);
    }
}
