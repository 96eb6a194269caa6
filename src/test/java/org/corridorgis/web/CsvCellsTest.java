package org.corridorgis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** OWASP CSV injection: text that a spreadsheet would run as a formula is written as text; numbers stay numbers. */
class CsvCellsTest {

    @Test
    void textThatWouldBeAFormulaGetsAnApostropheAndQuotes() {
        assertThat(CsvCells.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvCells.cell("+1+2")).isEqualTo("\"'+1+2\"");
        assertThat(CsvCells.cell("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(CsvCells.cell("@SUM(A1:A2)")).isEqualTo("\"'@SUM(A1:A2)\"");
        assertThat(CsvCells.cell("\t=1")).isEqualTo("\"'\t=1\"");
        assertThat(CsvCells.cell("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void numbersIncludingNegativeOnesAreWrittenAsTheyAre() {
        assertThat(CsvCells.cell(-12.5)).isEqualTo("-12.5");
        assertThat(CsvCells.cell(new BigDecimal("-0.75"))).isEqualTo("-0.75");
        assertThat(CsvCells.cell(-3)).isEqualTo("-3");
        assertThat(CsvCells.cell(true)).isEqualTo("true");
    }

    @Test
    void ordinaryTextIsQuotedOnlyWhenRfc4180NeedsIt() {
        assertThat(CsvCells.cell("Agarak")).isEqualTo("Agarak");
        assertThat(CsvCells.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvCells.cell("say \"x\"")).isEqualTo("\"say \"\"x\"\"\"");
        assertThat(CsvCells.cell("two\nlines\nhere")).isEqualTo("\"two\nlines\nhere\"");
        assertThat(CsvCells.cell("a=b")).isEqualTo("a=b");
        assertThat(CsvCells.cell(null)).isEmpty();
        assertThat(CsvCells.row(Arrays.asList("=1", -1, null, "x"))).isEqualTo("\"'=1\",-1,,x\r\n");
        assertThat(CsvCells.row(List.of("a"))).isEqualTo("a\r\n");
    }
}
