package org.convergence.enrolment.importing;

import org.convergence.contracts.input.CsvRecords;
import org.convergence.contracts.input.Excerpt;
import org.convergence.contracts.input.JsonErrors;
import org.convergence.contracts.input.StrictJson;
import org.convergence.enrolment.domain.ExitCategory;
import org.convergence.enrolment.domain.HousingSituation;
import org.convergence.platform.input.InputValidation;
import org.convergence.platform.rest.InvalidFieldsException;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Comma-separated values with a header row naming the columns, in any order (docs/import-format.md). Cells may
 * be quoted with {@code "}, a quote inside doubled; a record is one line. An empty (or all-blank) cell is an absent
 * value; any other cell is read exactly as written, like a JSON line (a date is {@code YYYY-MM-DD}, an enum value its
 * exact name), then the line is checked like a REST body.
 */
final class CsvLineFormat implements LineFormat {

    static final List<String> COLUMNS = List.of("pathwayId", "participantId", "program", "chantierId", "entryDate",
            "exitDate", "exitCategory", "housingAtExit");
    private static final List<String> REQUIRED = List.of("pathwayId", "program", "chantierId", "entryDate");

    /** Spreadsheet exports often start with one. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final Map<String, Integer> positions;
    private final int width;
    private final InputValidation validation;

    private CsvLineFormat(Map<String, Integer> positions, int width, InputValidation validation) {
        this.positions = positions;
        this.width = width;
        this.validation = validation;
    }

    /** Reads the header row; a header that does not name the required columns refuses the whole file. */
    static CsvLineFormat fromHeader(String header, InputValidation validation) {
        if (header == null) {
            throw new InvalidFieldsException("header", "the file is empty; the first row names the columns");
        }
        Map<String, Integer> positions = new HashMap<>();
        List<String> names;
        try {
            names = cells(header.startsWith(BYTE_ORDER_MARK) ? header.substring(1) : header);
        } catch (InvalidLineException e) {
            throw new InvalidFieldsException("header", e.getMessage());
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (name.isEmpty() && i == names.size() - 1) {
                continue; // a trailing separator, as spreadsheet exports often write
            }
            if (!COLUMNS.contains(name)) {
                throw new InvalidFieldsException("header", "unknown column '" + Excerpt.of(name) + "'; columns are "
                        + COLUMNS);
            }
            if (positions.put(name, i) != null) {
                throw new InvalidFieldsException("header", "column '" + name + "' is named twice");
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !positions.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidFieldsException("header", "missing columns " + missing);
        }
        return new CsvLineFormat(positions, names.size(), validation);
    }

    @Override
    public ImportLine parse(String text) {
        List<String> cells = cells(text);
        if (cells.size() > width) {
            throw new InvalidLineException("not a valid pathway line: " + cells.size() + " cells for "
                    + width + " columns");
        }
        LocalDate exitDate = value(cells, "exitDate", v -> date("exitDate", v));
        ExitCategory category = value(cells, "exitCategory", v -> constant(ExitCategory.class, "exitCategory", v));
        HousingSituation housing = value(cells, "housingAtExit",
                v -> constant(HousingSituation.class, "housingAtExit", v));
        if (exitDate == null && (category != null || housing != null)) {
            throw new InvalidLineException("exitDate: must be given with the exit category or housing");
        }
        ImportLine line = new ImportLine(value(cells, "pathwayId", v -> v), value(cells, "participantId", v -> v),
                value(cells, "program", v -> v), value(cells, "chantierId", v -> v),
                value(cells, "entryDate", v -> date("entryDate", v)),
                exitDate == null ? null : new ImportLine.Exit(exitDate, category, housing));
        return LineFormat.checked(line, validation);
    }

    private <T> T value(List<String> cells, String column, Function<String, T> read) {
        Integer position = positions.get(column);
        if (position == null || position >= cells.size() || cells.get(position).isBlank()) {
            return null;
        }
        return read.apply(cells.get(position));
    }

    private static LocalDate date(String column, String value) {
        if (!StrictJson.isIsoDate(value)) {
            throw new InvalidLineException(column + ": " + JsonErrors.expectation(LocalDate.class) + ", not '"
                    + Excerpt.of(value) + "'");
        }
        return LocalDate.parse(value);
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String column, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new InvalidLineException(column + ": " + JsonErrors.expectation(type) + ", not '" + Excerpt.of(value)
                + "'");
    }

    /** Splits one record into cells, honouring quotes. */
    static List<String> cells(String line) {
        try {
            return CsvRecords.cells(line, ',');
        } catch (IllegalArgumentException unclosed) {
            throw new InvalidLineException("not a valid pathway line: " + unclosed.getMessage());
        }
    }
}
