package org.convergence.contracts.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Cells of one CSV record (RFC 4180 quoting: a cell may be quoted with {@code "}, a quote inside doubled), with the
 * separator of the file: the import reads commas, the exports write semicolons for French spreadsheets.
 */
public final class CsvRecords {

    private CsvRecords() {
    }

    /** The record's cells; refuses a record whose quote is not closed. */
    public static List<String> cells(String record, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted && c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quote is not closed");
        }
        cells.add(cell.toString());
        return cells;
    }
}
