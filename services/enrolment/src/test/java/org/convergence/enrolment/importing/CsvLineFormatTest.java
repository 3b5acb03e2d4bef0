package org.convergence.enrolment.importing;

import org.convergence.enrolment.domain.ExitCategory;
import org.convergence.platform.rest.InvalidFieldsException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvLineFormatTest {

    @Test
    void columnsMayComeInAnyOrderAndEmptyCellsAreAbsentValues() {
        CsvLineFormat format = CsvLineFormat.fromHeader("\uFEFFentryDate,chantierId,program,pathwayId,exitDate");

        ImportLine line = format.parse("2016-01-04,fndsa,CONVERGENCE,0b7c4c4e-8a55-4b55-9d6b-3a4f4b8f6a11,");

        assertEquals(LocalDate.of(2016, 1, 4), line.entryDate());
        assertEquals("fndsa", line.chantierId());
        assertNull(line.participantId());
        assertNull(line.exit());
    }

    @Test
    void aTrailingSeparatorAsSpreadsheetsWriteItIsAccepted() {
        CsvLineFormat format = CsvLineFormat.fromHeader("pathwayId,program,chantierId,entryDate,");

        assertEquals("fndsa", format.parse("id,CONVERGENCE,fndsa,2016-01-04,").chantierId());
    }

    @Test
    void quotedCellsKeepTheirCommasAndDoubledQuotes() {
        assertEquals(List.of("a,b", "say \"hi\"", ""), CsvLineFormat.cells("\"a,b\",\"say \"\"hi\"\"\","));
    }

    @Test
    void anExitMayComeWithoutItsCategory() {
        CsvLineFormat format = CsvLineFormat.fromHeader(String.join(",", CsvLineFormat.COLUMNS));

        ImportLine line = format.parse("id,,CONVERGENCE,fndsa,2016-01-04,2018-06-29,,");

        assertEquals(LocalDate.of(2018, 6, 29), line.exit().date());
        assertNull(line.exit().category());
        assertEquals(ExitCategory.POSITIVE_EXIT,
                format.parse("id,,CONVERGENCE,fndsa,2016-01-04,2018-06-29,POSITIVE_EXIT,").exit().category());
    }

    @Test
    void anImpossibleDateOrAnUnknownCategoryIsALineReason() {
        CsvLineFormat format = CsvLineFormat.fromHeader(String.join(",", CsvLineFormat.COLUMNS));

        InvalidLineException date = assertThrows(InvalidLineException.class,
                () -> format.parse("id,,CONVERGENCE,fndsa,2019-02-30,,,"));
        InvalidLineException category = assertThrows(InvalidLineException.class,
                () -> format.parse("id,,CONVERGENCE,fndsa,2019-02-01,2020-01-01,RETIRED,"));
        InvalidLineException cells = assertThrows(InvalidLineException.class,
                () -> format.parse("id,,CONVERGENCE,fndsa,2019-02-01,,,,extra"));

        assertTrue(date.getMessage().contains("'2019-02-30' is not a date"), date.getMessage());
        assertTrue(category.getMessage().contains("exitCategory 'RETIRED' must be one of"), category.getMessage());
        assertTrue(cells.getMessage().contains("9 cells for 8 columns"), cells.getMessage());
    }

    @Test
    void aHeaderWithAnUnknownOrMissingColumnRefusesTheFile() {
        InvalidFieldsException unknown = assertThrows(InvalidFieldsException.class,
                () -> CsvLineFormat.fromHeader("pathwayId,program,chantierId,entryDate,firstName"));
        InvalidFieldsException missing = assertThrows(InvalidFieldsException.class,
                () -> CsvLineFormat.fromHeader("pathwayId,program,chantierId"));

        assertTrue(unknown.errors().get(0).message().contains("unknown column 'firstName'"));
        assertTrue(missing.errors().get(0).message().contains("missing columns [entryDate]"));
        assertThrows(InvalidFieldsException.class, () -> CsvLineFormat.fromHeader(null));
    }
}
