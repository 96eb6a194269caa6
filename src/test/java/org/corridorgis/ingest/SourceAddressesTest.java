package org.corridorgis.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.corridorgis.support.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the sources can be read: addresses confirmed against stored copies of the cited pages (recipe step
 * 35_source_urls.sql). The expected values below were copied by hand from those pages, not from the recipe.
 */
@PostgisIntegrationTest
class SourceAddressesTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void handPickedSourcesCarryTheAddressAndDateTheirPageShows() {
        // AZERTAC, "Azerbaijan, Armenia hold first meeting in format of Commission on Border Delimitation", 24.05.2022
        assertThat(row("azertag-2149064")).containsExactly(
                "https://azertag.az/en/xeber/Azerbaijan_Armenia_hold_first_meeting_in_format_of_Commission_on_Border_Delimitation-2149064",
                "en", "2022-05-24", "2026-11-30");
        // PanARMENIAN.Net, "Azerbaijan behind further encroachment on Armenia's territory", May 13, 2021 (no date before)
        assertThat(row("panarmenian-292844")).containsExactly("https://panarmenian.net/m/eng/news/292844", "en", "2021-05-13", "2026-11-30");
        // Mediamax, "US firm initiates work on a survey of the TRIPP site", February 06, 2026
        assertThat(row("mediamax-59879")).containsExactly("https://mediamax.am/en/news/region/59879/", "en", "2026-02-06", "2026-11-30");
        // Report.az's Russian page on the Aghband-Kalaleh bridge, 23 Feb 2026
        assertThat(row("reportaz-aras-bridge")).containsExactly(
                "https://report.az/ru/infrastruktura/shahin-mustafaev-zaversheno-stroitelstvo-avtomobilnogo-mosta-agbend-kyalalya-cherez-araz",
                "ru", "2026-02-23", "2026-11-30");
        // Today.az carried the bus figures on 13 Nov 2020; its address is plain http
        assertThat(row("todayaz-200347")).containsExactly("http://www.today.az/news/business/200347.html", "en", "2020-11-13", "2026-11-30");
        // the bibliography had the interview's date (10 Jan 2024); the article is dated 11 Jan 2024
        assertThat(row("vestikavkaza-165787")).containsExactly("https://en.vestikavkaza.ru/material/165787", "en", "2024-01-11", "2026-11-30");
    }

    @Test
    void aSourceWhosePageWasNotConfirmedHasNoAddress() {
        // the stored English Wikipedia article on Karki gives 8.23 km², not the 19 km² cited: not the cited text
        assertThat(jdbc.sql("select url is null and accessed is null from corridor.sources where id = 'wikipedia-karki'")
                .query(Boolean.class).single()).isTrue();
        // APRI Armenia's paper was not found among the stored pages
        assertThat(jdbc.sql("select url is null from corridor.sources where id = 'apri-poghosyan-2024-01'").query(Boolean.class).single()).isTrue();
    }

    @Test
    void everyAddressIsAbsoluteAndDated() {
        // 39 of the 88 sources were confirmed (counted in 35_source_urls.sql's list by hand): 36 of the first 85 and the
        // three added with the Lachin corridor
        assertThat(jdbc.sql("select count(*) from corridor.sources").query(Integer.class).single()).isEqualTo(88);
        assertThat(jdbc.sql("select count(*) from corridor.sources where url is not null").query(Integer.class).single()).isEqualTo(39);
        List<String> bad = jdbc.sql("""
                select id from corridor.sources where url is not null
                   and (url !~ '^https?://[^/\\s]+[^\\s]*$' or accessed is distinct from date '2026-11-30' or language is null)""")
                .query(String.class).list();
        assertThat(bad).isEmpty();
        // an access date only where there is an address
        assertThat(jdbc.sql("select count(*) from corridor.sources where url is null and accessed is not null").query(Integer.class).single()).isZero();
    }

    private List<String> row(String id) {
        return jdbc.sql("select url, language, published::text, accessed::text from corridor.sources where id = ?").param(id)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).single();
    }
}
