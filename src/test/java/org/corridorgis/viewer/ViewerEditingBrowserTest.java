package org.corridorgis.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.corridorgis.security.ApiTokens;
import org.corridorgis.security.Role;
import org.corridorgis.support.HeadlessChromium;
import org.corridorgis.support.PostgisIntegrationTest;
import org.corridorgis.support.ServiceClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.FluentWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A signed-in editor in the viewer (headless Chromium): pastes a token, copies the scenario on show, sets a
 * checkpoint's regime from its popup, and sees the route comparison change.
 */
@PostgisIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewerEditingBrowserTest {

    private static final String ROUTES = "baku-nakhchivan-via-meghri,baku-nakhchivan-via-iran-historic-road";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens tokens;

    HeadlessChromium chromium;
    ChromeDriver driver;

    @BeforeAll
    void browser() throws Exception {
        chromium = HeadlessChromium.start();
        driver = chromium.driver();
    }

    @AfterAll
    void close() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from corridor.scenarios where created_by = 'vtest Vera'").update();
        jdbc.sql("delete from corridor.scenarios_history where created_by = 'vtest Vera'").update();
        jdbc.sql("delete from corridor.change_log where author = 'vtest Vera'").update();
        jdbc.sql("delete from corridor.api_token where name like 'vtest %'").update();
        jdbc.sql("delete from corridor.checkpoints where id like 'vtest-%'").update();
        jdbc.sql("delete from corridor.checkpoints_history where id like 'vtest-%'").update();
        jdbc.sql("delete from corridor.change_log where feature_id like 'vtest-%'").update();
        jdbc.sql("delete from corridor.proposal where author like 'vtest %'").update();
    }

    @Test
    void anEditorSetsACheckpointsRegimeInACopyAndTheComparisonFollows() throws Exception {
        String token = tokens.create("vtest Vera", Role.EDITOR, null).token();
        double[] agarak = jdbc.sql("select ST_X(geom) as x, ST_Y(geom) as y from corridor.checkpoints where id = 'agarak-post'")
                .query((rs, n) -> new double[] {rs.getDouble("x"), rs.getDouble("y")}).single();
        driver.get("about:blank");
        driver.get(base() + "/viewer/#map=13/" + agarak[1] + "/" + agarak[0] + "&scenario=azerbaijan-position-2024&routes=" + ROUTES);
        waitUpTo(40).until(d -> Boolean.TRUE.equals(js("return !!(window.viewer && viewer.ready)")));
        waitUpTo(30).until(d -> !texts("#route-summary-table tr[data-row='customs'] td").isEmpty());
        String customsBefore = texts("#route-summary-table tr[data-row='customs'] td").get(0);

        driver.findElement(By.id("editing-token")).sendKeys(token);
        driver.findElement(By.id("editing-sign-in")).click();
        driver.findElement(By.id("editing-copy")).click();
        waitUpTo(20).until(d -> String.valueOf(js("return viewer.state.scenario")).startsWith("user-"));
        String copy = String.valueOf(js("return viewer.state.scenario"));
        assertThat(jdbc.sql("select created_by from corridor.scenarios where id = ?").param(copy).query(String.class).single())
                .isEqualTo("vtest Vera");
        // the copy's comparison is the base's
        waitUpTo(30).until(d -> String.valueOf(js("return document.getElementById('drawer-title').textContent")).contains("my copy"));
        waitUpTo(30).until(d -> !texts("#route-summary-table tr[data-row='customs'] td").isEmpty()
                && texts("#route-summary-table tr[data-row='customs'] td").get(0).equals(customsBefore));

        // the checkpoint's popup, opened as a link to it (#sel=checkpoints/agarak-post) opens it
        js("viewer.openSelection('checkpoints/agarak-post')");
        waitUpTo(15).until(d -> !texts(".maplibregl-popup .popup .coll").isEmpty());
        waitUpTo(15).until(d -> !driver.findElements(By.cssSelector(".maplibregl-popup .set-regime")).isEmpty());
        assertThat(texts(".maplibregl-popup .popup .coll").get(0)).contains("agarak-post");
        // the popup may reach under the comparison drawer on this small window: its controls are set by script
        js("var s = arguments[0]; s.value = 'NATIONAL'; s.dispatchEvent(new Event('change'));",
                driver.findElement(By.cssSelector(".maplibregl-popup .regime-choice")));
        js("arguments[0].click()", driver.findElement(By.cssSelector(".maplibregl-popup .set-regime")));
        waitUpTo(30).until(d -> {
            Object note = js("var n = document.querySelector('.maplibregl-popup .editing .hint'); return n ? n.textContent : ''");
            return !"".equals(note) && !"Saving…".equals(note);
        });
        assertThat(js("return document.querySelector('.maplibregl-popup .editing .hint').textContent")).isEqualTo("Regime set to NATIONAL.");

        // the comparison follows: a customs check more on the Meghri route for each state the post serves
        int sides = jdbc.sql("select cardinality(states) from corridor.checkpoints where id = 'agarak-post'").query(Integer.class).single();
        String expected = String.valueOf(Integer.parseInt(customsBefore) + sides);
        waitUpTo(30).until(d -> texts("#route-summary-table tr[data-row='customs'] td").get(0).equals(expected));
        assertThat(jdbc.sql("select a->>'regime' from corridor.scenarios s, jsonb_array_elements(s.assignments->'checkpoints') a "
                + "where s.id = ? and a->>'checkpoint_id' = 'agarak-post'").param(copy).query(String.class).list()).containsExactly("NATIONAL");
        assertThat(jdbc.sql("select a->>'regime' from corridor.scenarios s, jsonb_array_elements(s.assignments->'checkpoints') a "
                + "where s.id = 'azerbaijan-position-2024' and a->>'checkpoint_id' = 'agarak-post'").query(String.class).list())
                .containsExactly("UNINSPECTED");
        // the token lives in this tab's session only
        assertThat(js("return sessionStorage.getItem('corridor-gis.token')")).isEqualTo(token);
        assertThat(js("return localStorage.length + document.cookie.length")).isEqualTo(0L);
        Files.write(Path.of("target", "viewer-editing-screenshot.png"), driver.getScreenshotAs(OutputType.BYTES));

        // after a reload the tab still knows its user (the token stays in the session; /auth/me names them), so the
        // copy is still theirs: the panel says so and the checkpoint's popup still offers its regime
        driver.navigate().refresh();
        waitUpTo(40).until(d -> Boolean.TRUE.equals(js("return !!(window.viewer && viewer.ready)")));
        assertThat(js("return viewer.state.scenario")).isEqualTo(copy);
        waitUpTo(20).until(d -> String.valueOf(js("var e = document.getElementById('editing-own'); return e ? e.textContent : ''"))
                .startsWith("Your scenario"));
        assertThat(String.valueOf(js("return document.getElementById('editing-who').textContent"))).isEqualTo("Signed in as vtest Vera (editor).");
        assertThat(String.valueOf(js("var s = document.getElementById('scenario'); return s.options[s.selectedIndex].text")))
                .endsWith("(my copy) (by vtest Vera)");
        js("viewer.openSelection('checkpoints/agarak-post')");
        waitUpTo(15).until(d -> !driver.findElements(By.cssSelector(".maplibregl-popup .set-regime")).isEmpty());
        // another editor's copy is not theirs: signed in as someone else, the same scenario offers no regime to set
        String other = tokens.create("vtest Otto", Role.EDITOR, null).token();
        js("sessionStorage.setItem('corridor-gis.token', arguments[0])", other);
        driver.navigate().refresh();
        waitUpTo(40).until(d -> Boolean.TRUE.equals(js("return !!(window.viewer && viewer.ready)")));
        waitUpTo(20).until(d -> String.valueOf(js("var e = document.getElementById('editing-who'); return e ? e.textContent : ''"))
                .equals("Signed in as vtest Otto (editor)."));
        assertThat(String.valueOf(js("return document.getElementById('editing-own').textContent"))).startsWith("Copy the scenario");
        js("viewer.openSelection('checkpoints/agarak-post')");
        waitUpTo(15).until(d -> !texts(".maplibregl-popup .popup-sources h4").isEmpty());
        assertThat(driver.findElements(By.cssSelector(".maplibregl-popup .set-regime"))).isEmpty();
    }

    @Test
    void proposalsAreDrawnAsSuchAndAReviewerDecidesFromTheirPopup() throws Exception {
        String editor = "Bearer " + tokens.create("vtest Otto", Role.EDITOR, null).token();
        String reviewer = tokens.create("vtest Rita", Role.REVIEWER, null).token();
        double[] agarak = jdbc.sql("select ST_X(geom) as x, ST_Y(geom) as y from corridor.checkpoints where id = 'agarak-post'")
                .query((rs, n) -> new double[] {rs.getDouble("x"), rs.getDouble("y")}).single();
        String agarakName = jdbc.sql("select name from corridor.checkpoints where id = 'agarak-post'").query(String.class).single();
        ServiceClient http = new ServiceClient(port);
        // a new crossing 0.02 degrees east of the post, and a new name for the post
        HttpResponse<String> created = http.send("POST", "/collections/checkpoints/items", "application/geo+json",
                "{\"type\":\"Feature\",\"id\":\"vtest-cp\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + (agarak[0] + 0.02) + ","
                        + agarak[1] + "]},\"properties\":{\"name\":\"Proposed crossing\",\"states\":[\"ARM\",\"IRN\"],\"kind\":\"border crossing\","
                        + "\"status\":\"proposed\",\"sources\":[\"crossings-facts\"],\"accuracy\":\"schematic\"}}",
                "Authorization", editor, "Change-Reason", "Seen on a 2025 map");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        long create = ServiceClient.parse(created.body()).path("proposal").asLong();
        String etag = http.get("/collections/checkpoints/items/agarak-post").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> renamed = http.send("PATCH", "/collections/checkpoints/items/agarak-post", "application/geo+json",
                "{\"properties\":{\"name\":\"Agarak (renamed)\"}}", "Authorization", editor, "If-Match", etag, "Change-Reason", "Local usage");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(202);
        long rename = ServiceClient.parse(renamed.body()).path("proposal").asLong();

        driver.get("about:blank");
        driver.get(base() + "/viewer/#map=12/" + agarak[1] + "/" + (agarak[0] + 0.01));
        waitUpTo(40).until(d -> Boolean.TRUE.equals(js("return !!(window.viewer && viewer.ready)")));
        driver.findElement(By.id("editing-token")).sendKeys(reviewer);
        driver.findElement(By.id("editing-sign-in")).click();
        waitUpTo(20).until(d -> String.valueOf(js("var e = document.getElementById('editing-who'); return e ? e.textContent : ''"))
                .equals("Signed in as vtest Rita (reviewer)."));
        js("arguments[0].click()", driver.findElement(By.id("show-proposals")));
        waitUpTo(20).until(d -> ((Number) js("return viewer.proposals.loaded")).intValue() >= 1);
        // both are drawn on the map as proposals, each labelled with its author
        waitUpTo(20).until(d -> {
            Object ids = js("return viewer.map.queryRenderedFeatures({layers: ['proposals-point']}).map(function (f) { return f.properties.proposal_id; })");
            return ids instanceof List<?> l && l.contains(create) && l.contains(rename);
        });
        assertThat(texts(".proposal-label[data-proposal='" + create + "']")).containsExactly("proposal by vtest Otto");
        assertThat(texts(".proposal-label[data-proposal='" + rename + "']")).containsExactly("proposal by vtest Otto");
        Files.write(Path.of("target", "viewer-proposals-screenshot.png"), driver.getScreenshotAs(OutputType.BYTES));

        // the rename's popup says what would change, from what to what, and why; the reviewer rejects it
        js("arguments[0].click()", driver.findElement(By.cssSelector(".proposal-label[data-proposal='" + rename + "']")));
        waitUpTo(15).until(d -> !texts(".proposal-popup tr[data-property='name'] td").isEmpty());
        assertThat(texts(".proposal-popup tr[data-property='name'] td")).containsExactly(agarakName + " → Agarak (renamed)");
        assertThat(texts(".proposal-popup .proposal-by").get(0)).startsWith("proposal by vtest Otto, ");
        assertThat(texts(".proposal-popup .proposal-reason")).containsExactly("Why: Local usage");
        js("arguments[0].click()", driver.findElement(By.cssSelector(".proposal-popup .reject-proposal")));
        waitUpTo(15).until(d -> "Rejected.".equals(js("return document.querySelector('.proposal-popup .decision').textContent")));
        assertThat(jdbc.sql("select status || '|' || decided_by from corridor.proposal where id = ?").param(rename).query(String.class).single())
                .isEqualTo("rejected|vtest Rita");
        assertThat(jdbc.sql("select name from corridor.checkpoints where id = 'agarak-post'").query(String.class).single()).isEqualTo(agarakName);

        // the new crossing's popup, accepted: the feature is written as its proposer's
        // the labels are placed again when the list is read again after the rejection: found and clicked in one step
        waitUpTo(15).until(d -> Boolean.TRUE.equals(js("var l = document.querySelector(\".proposal-label[data-proposal='" + create
                + "']\"); if (l) { l.click(); } return !!l && !!document.querySelector('.proposal-popup .accept-proposal');")));
        waitUpTo(15).until(d -> !driver.findElements(By.cssSelector(".proposal-popup .accept-proposal")).isEmpty());
        assertThat(texts(".proposal-popup .proposal-what")).containsExactly("A new feature in checkpoints, not yet accepted:");
        js("arguments[0].click()", driver.findElement(By.cssSelector(".proposal-popup .accept-proposal")));
        waitUpTo(15).until(d -> "Accepted: the change is applied.".equals(js("return document.querySelector('.proposal-popup .decision').textContent")));
        assertThat(jdbc.sql("select name || '|' || ST_AsText(geom) from corridor.checkpoints where id = 'vtest-cp'").query(String.class).single())
                .isEqualTo("Proposed crossing|" + jdbc.sql("select ST_AsText(ST_MakePoint(?, ?))").params(agarak[0] + 0.02, agarak[1])
                        .query(String.class).single());
        assertThat(jdbc.sql("select author from corridor.change_log where feature_id = 'vtest-cp'").query(String.class).list())
                .containsExactly("vtest Otto");
        // decided proposals leave the map
        waitUpTo(15).until(d -> driver.findElements(By.cssSelector(".proposal-label[data-proposal='" + create + "'], "
                + ".proposal-label[data-proposal='" + rename + "']")).isEmpty());
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    FluentWait<WebDriver> waitUpTo(int seconds) {
        return new FluentWait<WebDriver>(driver).withTimeout(Duration.ofSeconds(seconds)).pollingEvery(Duration.ofMillis(200))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).ignoring(IndexOutOfBoundsException.class);
    }

    List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }
}
