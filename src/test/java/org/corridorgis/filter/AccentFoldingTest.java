package org.corridorgis.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.corridorgis.support.ServiceTestBase;
import org.junit.jupiter.api.Test;

/**
 * corridor.accent_fold, the database function behind ACCENTI: what it folds (expected values written by hand
 * from the letters' Unicode decompositions), that it stays IMMUTABLE and inlinable, and that an index can use it.
 */
class AccentFoldingTest extends ServiceTestBase {

    private String fold(String text) {
        return jdbc.sql("select corridor.accent_fold(?)").param(text).query(String.class).optional().orElse(null);
    }

    @Test
    void foldsLatinGreekAndCyrillicDiacritics() {
        assertThat(fold("Naxçıvan")).isEqualTo("Naxcivan");
        assertThat(fold("Iğdır")).isEqualTo("Igdir");
        assertThat(fold("Türkiye")).isEqualTo("Turkiye");
        assertThat(fold("Şərur")).isEqualTo("Sərur"); // schwa has no decomposition: it stays
        assertThat(fold("ёлка")).isEqualTo("елка");
        assertThat(fold("ά")).isEqualTo("α");
        // letters unaccent's dictionary leaves alone, folded as the earlier table did
        assertThat(fold("йод ї ў ӑ")).isEqualTo("иод і у а");
        assertThat(fold("Ǽ")).isEqualTo("AE");
        assertThat(fold("Meghri")).isEqualTo("Meghri");
        assertThat(fold(null)).isNull();
    }

    @Test
    void isImmutableAndInlined() {
        assertThat(jdbc.sql("select provolatile from pg_proc where oid = 'corridor.accent_fold(text)'::regprocedure")
                .query(String.class).single()).isEqualTo("i");
        List<String> plan = jdbc.sql("explain verbose select corridor.accent_fold(name) from corridor.checkpoints")
                .query(String.class).list();
        assertThat(plan).hasSizeGreaterThan(1);
        // inlined: the plan names the C function underneath, not the wrapper
        assertThat(String.join("\n", plan)).contains("unaccent_with").doesNotContain("accent_fold");
    }

    @Test
    void anExpressionIndexServesAnAccentInsensitiveLookup() {
        jdbc.sql("create table public.accent_probe as select 'Naxçıvan ' || g as name from generate_series(1, 20000) g")
                .update();
        try {
            jdbc.sql("create index on public.accent_probe (corridor.accent_fold(name))").update();
            jdbc.sql("analyze public.accent_probe").update();
            String plan = String.join("\n", jdbc.sql("explain select * from public.accent_probe where corridor.accent_fold(name) = ?")
                    .param("Naxcivan 123").query(String.class).list());
            assertThat(plan).contains("Index");
            assertThat(jdbc.sql("select count(*) from public.accent_probe where corridor.accent_fold(name) = ?")
                    .param("Naxcivan 123").query(Long.class).single()).isEqualTo(1L);
        } finally {
            jdbc.sql("drop table public.accent_probe").update();
        }
    }
}
