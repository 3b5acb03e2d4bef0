package org.convergence.enrolment.importing;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.enrolment.domain.ExitCategory;
import org.convergence.platform.input.InputValidation;
import org.convergence.platform.rest.InvalidFieldsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class CsvLineFormatTest {

    private static final String ID = "0b7c4c4e-8a55-4b55-9d6b-3a4f4b8f6a11";

    @Inject
    InputValidation validation;

    private CsvLineFormat allColumns() {
        return CsvLineFormat.fromHeader(String.join(",", CsvLineFormat.COLUMNS), validation);
    }

    @Test
    void columnsMayComeInAnyOrderAndEmptyCellsAreAbsentValues() {
        CsvLineFormat format = CsvLineFormat.fromHeader("\uFEFFentryDate,chantierId,program,pathwayId,exitDate",
                validation);

        ImportLine line = format.parse("2016-01-04,fndsa,CONVERGENCE," + ID + ",");

        assertEquals(LocalDate.of(2016, 1, 4), line.entryDate());
        assertEquals("fndsa", line.chantierId());
        assertNull(line.participantId());
        assertNull(line.exit());
    }

    @Test
    void aTrailingSeparatorAsSpreadsheetsWriteItIsAccepted() {
        CsvLineFormat format = CsvLineFormat.fromHeader("pathwayId,program,chantierId,entryDate,", validation);

        assertEquals("fndsa", format.parse(ID + ",CONVERGENCE,fndsa,2016-01-04,").chantierId());
    }

    @Test
    void quotedCellsKeepTheirCommasAndDoubledQuotes() {
        assertEquals(List.of("a,b", "say \"hi\"", ""), CsvLineFormat.cells("\"a,b\",\"say \"\"hi\"\"\","));
    }

    @Test
    void anExitMayComeWithoutItsCategory() {
        ImportLine line = allColumns().parse(ID + ",,CONVERGENCE,fndsa,2016-01-04,2018-06-29,,");

        assertEquals(LocalDate.of(2018, 6, 29), line.exit().date());
        assertNull(line.exit().category());
        assertEquals(ExitCategory.POSITIVE_EXIT,
                allColumns().parse(ID + ",,CONVERGENCE,fndsa,2016-01-04,2018-06-29,POSITIVE_EXIT,").exit().category());
    }

    @Test
    void anImpossibleDateOrAnUnknownCategoryIsALineReasonNamingTheColumn() {
        CsvLineFormat format = allColumns();

        InvalidLineException date = assertThrows(InvalidLineException.class,
                () -> format.parse(ID + ",,CONVERGENCE,fndsa,2019-02-30,,,"));
        InvalidLineException category = assertThrows(InvalidLineException.class,
                () -> format.parse(ID + ",,CONVERGENCE,fndsa,2019-02-01,2020-01-01,RETIRED,"));
        InvalidLineException cells = assertThrows(InvalidLineException.class,
                () -> format.parse(ID + ",,CONVERGENCE,fndsa,2019-02-01,,,,extra"));

        assertEquals("entryDate: must be a date written YYYY-MM-DD, not '2019-02-30'", date.getMessage());
        assertTrue(category.getMessage().startsWith("exitCategory: must be one of DURABLE_EMPLOYMENT"),
                category.getMessage());
        assertTrue(category.getMessage().endsWith(", not 'RETIRED'"), category.getMessage());
        assertTrue(cells.getMessage().contains("9 cells for 8 columns"), cells.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {" 2020-01-01", "2020-01-01 ", "+2020-01-01", "20200101", "2020-1-1", "01/02/2020"})
    void aCellIsReadExactlyAsWrittenLikeAJsonValue(String entryDate) {
        InvalidLineException refused = assertThrows(InvalidLineException.class,
                () -> allColumns().parse(ID + ",,CONVERGENCE,fndsa," + entryDate + ",,,"));
        assertTrue(refused.getMessage().startsWith("entryDate: must be a date written YYYY-MM-DD"),
                refused.getMessage());
    }

    @Test
    void aLineIsCheckedWithTheRulesOfARestBody() {
        InvalidLineException refused = assertThrows(InvalidLineException.class,
                () -> allColumns().parse("1-1-1-1-1,Jean Dupont,GARDENING,Fndsa,1989-12-31,2999-01-01,,"));

        assertEquals("chantierId: must be a lowercase slug of 2 to 63 letters, digits and dashes; "
                + "entryDate: must be between 1990-01-01 and " + org.convergence.platform.time.BusinessDates.today()
                + "; exit.date: must be between 1990-01-01 and " + org.convergence.platform.time.BusinessDates.today()
                + "; participantId: must be a lowercase UUID (8-4-4-4-12 hexadecimal digits); "
                + "pathwayId: must be a lowercase UUID (8-4-4-4-12 hexadecimal digits); "
                + "program: must be one of CONVERGENCE, PREMIERES_HEURES", refused.getMessage());
    }

    @Test
    void aHeaderWithAnUnknownOrMissingColumnRefusesTheFileWithoutEchoingMoreThanAnExcerpt() {
        InvalidFieldsException unknown = assertThrows(InvalidFieldsException.class,
                () -> CsvLineFormat.fromHeader("pathwayId,program,chantierId,entryDate,firstName", validation));
        InvalidFieldsException missing = assertThrows(InvalidFieldsException.class,
                () -> CsvLineFormat.fromHeader("pathwayId,program,chantierId", validation));
        InvalidFieldsException hostile = assertThrows(InvalidFieldsException.class,
                () -> CsvLineFormat.fromHeader("<script>\u202E" + "x".repeat(100_000), validation));

        assertTrue(unknown.errors().get(0).message().contains("unknown column 'firstName'"));
        assertTrue(missing.errors().get(0).message().contains("missing columns [entryDate]"));
        String told = hostile.errors().get(0).message();
        assertTrue(told.length() < 400, "bounded: " + told.length());
        assertFalse(told.contains("<") || told.contains("\u202E"), told);
        assertThrows(InvalidFieldsException.class, () -> CsvLineFormat.fromHeader(null, validation));
    }
}
