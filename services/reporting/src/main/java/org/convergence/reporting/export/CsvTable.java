package org.convergence.reporting.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV a French spreadsheet opens cleanly: UTF-8 with a byte-order mark (so accents survive), semicolons between
 * cells, decimal commas, CRLF line ends, RFC 4180 quoting. A text cell that a spreadsheet would run as a formula
 * (=, +, -, @ first) is prefixed with an apostrophe: names come from users.
 */
public final class CsvTable {

    private static final char BOM = '\uFEFF';
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public CsvTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    public CsvTable row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("a row has " + cells.size() + " cells, the header " + header.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    /** The header, then the rows, as cells (before quoting). */
    List<List<String>> lines() {
        List<List<String>> lines = new ArrayList<>(rows.size() + 1);
        lines.add(header);
        lines.addAll(rows);
        return lines;
    }

    public byte[] bytes() {
        StringBuilder out = new StringBuilder().append(BOM);
        line(out, header);
        rows.forEach(r -> line(out, r));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !isNumber(value)
                ? "'" + value : value;
        if (safe.indexOf(';') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static boolean isNumber(String value) {
        return value.matches("-?\\d+(,\\d+)?");
    }
}
