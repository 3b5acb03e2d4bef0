package org.convergence.enrolment.importing;

import org.convergence.enrolment.domain.ExitCategory;
import org.convergence.enrolment.domain.HousingSituation;
import org.convergence.platform.rest.InvalidFieldsException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Comma-separated values with a header row naming the columns, in any order (docs/import-format.md). Cells may
 * be quoted with {@code "}, a quote inside doubled; a record is one line. An empty cell is an absent value.
 */
final class CsvLineFormat implements LineFormat {

    static final List<String> COLUMNS = List.of("pathwayId", "participantId", "program", "chantierId", "entryDate",
            "exitDate", "exitCategory", "housingAtExit");
    private static final List<String> REQUIRED = List.of("pathwayId", "program", "chantierId", "entryDate");

    /** Spreadsheet exports often start with one. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final Map<String, Integer> positions;
    private final int width;

    private CsvLineFormat(Map<String, Integer> positions, int width) {
        this.positions = positions;
        this.width = width;
    }

    /** Reads the header row; a header that does not name the required columns refuses the whole file. */
    static CsvLineFormat fromHeader(String header) {
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
                throw new InvalidFieldsException("header", "unknown column '" + name + "'; columns are " + COLUMNS);
            }
            if (positions.put(name, i) != null) {
                throw new InvalidFieldsException("header", "column '" + name + "' is named twice");
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !positions.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidFieldsException("header", "missing columns " + missing);
        }
        return new CsvLineFormat(positions, names.size());
    }

    @Override
    public ImportLine parse(String text) {
        List<String> cells = cells(text);
        if (cells.size() > width) {
            throw new InvalidLineException("not a valid pathway line: " + cells.size() + " cells for "
                    + width + " columns");
        }
        LocalDate exitDate = value(cells, "exitDate", CsvLineFormat::date);
        ExitCategory category = value(cells, "exitCategory", v -> constant(ExitCategory.class, "exitCategory", v));
        HousingSituation housing = value(cells, "housingAtExit",
                v -> constant(HousingSituation.class, "housingAtExit", v));
        if (exitDate == null && (category != null || housing != null)) {
            throw new InvalidLineException("missing exit.date for the exit category or housing given");
        }
        return new ImportLine(value(cells, "pathwayId", v -> v), value(cells, "participantId", v -> v),
                value(cells, "program", v -> v), value(cells, "chantierId", v -> v),
                value(cells, "entryDate", CsvLineFormat::date),
                exitDate == null ? null : new ImportLine.Exit(exitDate, category, housing));
    }

    private <T> T value(List<String> cells, String column, Function<String, T> read) {
        Integer position = positions.get(column);
        if (position == null || position >= cells.size() || cells.get(position).isBlank()) {
            return null;
        }
        return read.apply(cells.get(position).strip());
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidLineException("'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String column, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidLineException(column + " '" + value + "' must be one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** Splits one record into cells, honouring quotes. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new InvalidLineException("not a valid pathway line: a quote is not closed");
        }
        cells.add(cell.toString());
        return cells;
    }
}
