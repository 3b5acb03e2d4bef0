package org.convergence.reporting.export;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvTableTest {

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaIsDefusedButNegativeNumbersStayNumbers() {
        assertEquals("'=1+1", CsvTable.cell("=1+1"));
        assertEquals("'@SUM(A1)", CsvTable.cell("@SUM(A1)"));
        assertEquals("'+33 1 23", CsvTable.cell("+33 1 23"));
        assertEquals("-3", CsvTable.cell("-3"));
        assertEquals("-3,5", CsvTable.cell("-3,5"));
    }

    @Test
    void cellsWithSeparatorsQuotesOrLineBreaksAreQuoted() {
        assertEquals("\"a;b\"", CsvTable.cell("a;b"));
        assertEquals("\"Le \"\"Grenier\"\"\"", CsvTable.cell("Le \"Grenier\""));
        assertEquals("\"a\nb\"", CsvTable.cell("a\nb"));
        assertEquals("Emmaüs Défi", CsvTable.cell("Emmaüs Défi"));
    }

    @Test
    void theFileStartsWithAByteOrderMarkAndEndsLinesWithCrLf() {
        byte[] bytes = new CsvTable(List.of("Nom", "Valeur")).row(List.of("Défi", "1,5")).bytes();
        assertEquals("\uFEFFNom;Valeur\r\nDéfi;1,5\r\n", new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void aRowOfTheWrongWidthIsADefectNotAShiftedColumn() {
        assertThrows(IllegalArgumentException.class, () -> new CsvTable(List.of("a", "b")).row(List.of("1")));
    }

    @Test
    void decimalsUseACommaAndDropTrailingZeros() {
        assertEquals("37,5", FigureExports.decimal(37.5, 2));
        assertEquals("26", FigureExports.decimal(26.0, 2));
        assertEquals("0", FigureExports.decimal(0, 2));
        assertEquals("14,33", FigureExports.decimal(14.3333, 2));
    }
}
