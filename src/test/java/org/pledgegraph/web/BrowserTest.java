package org.pledgegraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pledgegraph.support.ServedBrowser;

/**
 * The pages as a person sees them: Debian's headless Chromium against a served TDB2 store (support/ServedBrowser),
 * one browser and one server for the class. Each page is opened, looked at through the DOM, and photographed into
 * target/screenshots/ (with -Dpledgegraph.screenshots=docs/screenshots, also there: the README's pictures). No page
 * may log an error in the console (a CSP violation, a failed asset, a script error).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
    @RegisterExtension
    static final ServedBrowser browser = new ServedBrowser();

    static final String COMMITMENT = "/id/commitment/security-guarantees";

    WebDriverWait waiting() {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
    }

    String text(By by) {
        return browser.driver().findElement(by).getText();
    }

    @AfterEach
    void noConsoleErrorsAndNoScriptFromTheData() {
        List<String> errors = browser.consoleErrors();
        assertTrue(errors.isEmpty(), "console errors: " + errors);
        assertNull(browser.xssProbe(), "a script from the data ran");
        assertThrowsNoAlert();
    }

    void assertThrowsNoAlert() {
        try {
            String alert = browser.driver().switchTo().alert().getText();
            throw new AssertionError("an alert is open: " + alert);
        } catch (NoAlertPresentException expected) {
            // no alert: nothing ran
        }
    }

    @Test
    @Order(1)
    void homePageLinksToEverything() throws Exception {
        browser.open("/");
        assertTrue(browser.driver().getTitle().contains("pledgegraph"), browser.driver().getTitle());
        for (String href : List.of("/commitments", "/query", "/ontology", "/sources")) {
            assertFalse(browser.driver().findElements(By.cssSelector("header.site nav a[href='" + href + "']")).isEmpty(), href);
        }
        browser.screenshot("home");
    }

    @Test
    @Order(2)
    void commitmentPageLinksToItsSourcePassage() throws Exception {
        browser.open(COMMITMENT);
        assertEquals("Politically and legally binding security guarantees for Ukraine", text(By.tagName("h1")));
        browser.screenshot("commitment");
        WebElement passage = browser.driver().findElement(By.cssSelector("blockquote.passage footer a[href*='/id/source/']"));
        String href = passage.getAttribute("href");
        passage.click();
        waiting().until(ExpectedConditions.urlContains("/id/source/"));
        String anchor = href.substring(href.indexOf('#') + 1);
        assertTrue(browser.driver().getCurrentUrl().endsWith("#" + anchor), browser.driver().getCurrentUrl());
        WebElement target = browser.driver().findElement(By.id(anchor));
        WebElement marked = target.findElement(By.xpath("following-sibling::mark[1]"));
        assertTrue(marked.getText().contains("ceasefire"), "the passage opened is the one cited: " + marked.getText());
        browser.screenshot("source");
    }

    @Test
    @Order(3)
    void entityPersonAndSummitPages() throws Exception {
        browser.open("/id/organization/coalition-of-the-willing");
        assertEquals("Coalition of the Willing", text(By.tagName("h1")));
        browser.screenshot("entity");
        browser.open("/id/person/emmanuel-macron");
        assertEquals("Emmanuel Macron", text(By.tagName("h1")));
        browser.screenshot("person");
        browser.open("/id/summit/coalition-of-the-willing-paris-2026-01-06");
        assertTrue(text(By.tagName("h1")).contains("Paris"), text(By.tagName("h1")));
        browser.screenshot("summit");
    }

    @Test
    @Order(4)
    void ontologyPage() throws Exception {
        browser.open("/ontology");
        assertTrue(text(By.tagName("h1")).toLowerCase().contains("ontology"), text(By.tagName("h1")));
        browser.screenshot("ontology");
    }

    @Test
    @Order(5)
    void catalogQueryRunsAndShowsItsRows() throws Exception {
        browser.open("/query");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror")));
        browser.driver().findElement(By.cssSelector(".catalog a[data-name='conditional-commitments']")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results tbody tr")));
        assertEquals("7 rows", text(By.id("result-count")));
        String table = text(By.id("results"));
        assertTrue(table.contains("Politically and legally binding security guarantees for Ukraine"), table);
        assertTrue(table.contains("will be activated once a ceasefire enters into force"), table);

        // Run from the editor, through the endpoint: a query with an undeclared known prefix.
        String activeFrom = "SELECT ?c ?from WHERE { GRAPH <https://w3id.org/pledgegraph/graph/inferred> { ?c pg:activeFrom ?from } } ORDER BY ?from ?c";
        browser.driver().executeScript("document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0])", activeFrom);
        browser.driver().findElement(By.id("run")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#results thead"), "from"));
        int rows = browser.driver().findElements(By.cssSelector("#results tbody tr")).size();
        long expected = browser.store().query(view -> {
            var q = org.apache.jena.query.QueryFactory.create("PREFIX pg: <https://w3id.org/pledgegraph/ontology#> " + activeFrom);
            long n = 0;
            for (var it = view.select(q); it.hasNext(); it.next()) {
                n++;
            }
            return n;
        });
        assertTrue(expected >= 6, "the store has commitments in force: " + expected);
        assertEquals(expected, rows, "every row of the endpoint's answer is shown");
        assertTrue(browser.driver().findElement(By.cssSelector("#results a[href='/id/commitment/eu-loan-90bn']")).isDisplayed());
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#timeline canvas")));
        assertTrue(browser.driver().findElement(By.id("download-csv")).getAttribute("href").contains("output=csv"));
        browser.screenshot("query");
    }

    @Test
    @Order(6)
    void dashboardDateChangesAStatus() throws Exception {
        browser.open("/commitments?asOf=2026-01-07");
        assertEquals("active", statusOf("long-term-military-assistance"));
        assertEquals("pending", statusOf("security-guarantees"));
        browser.screenshot("commitments");

        WebElement date = browser.driver().findElement(By.id("as-of"));
        // A date input takes keys in the browser's locale order; set it as a script would, then fire 'change'.
        browser.driver().executeScript("arguments[0].value = '2026-01-05'; arguments[0].dispatchEvent(new Event('change'))", date);
        waiting().until(ExpectedConditions.textToBe(By.id("shown-as-of"), "2026-01-05"));
        assertEquals("pending", statusOf("long-term-military-assistance"), "made on 6 January: not active the day before");

        new Select(browser.driver().findElement(By.id("guarantor"))).selectByVisibleText("Germany");
        waiting().until(ExpectedConditions.urlContains("guarantor="));
        assertEquals(2, browser.driver().findElements(By.cssSelector("#commitments tbody tr")).size());
    }

    @Test
    @Order(7)
    void dashboardSupposesTheCeasefire() throws Exception {
        browser.open("/commitments?asOf=2026-01-07&suppose=2026-06-01");
        List<String> would = browser.driver().findElements(By.cssSelector("#would-become-active a")).stream()
                .map(a -> a.getAttribute("href").replaceFirst(".*/", "")).sorted().toList();
        assertEquals(List.of("ceasefire-monitoring-mechanism", "germany-possible-deployments", "multinational-reassurance-force", "response-to-future-aggression", "security-guarantees", "uk-france-military-hubs", "us-support-reassurance-force"), would);
        assertEquals("active", statusOf("security-guarantees"));
        browser.screenshot("commitments-suppose");
        browser.open("/commitments?asOf=2026-06-02");
        assertEquals("pending", statusOf("security-guarantees"), "the supposition was not recorded");
    }

    @Test
    @Order(8)
    void labelsHoldingScriptAreShownAsText() throws Exception {
        browser.addXssProbe();
        browser.open("/id/commitment/xss-probe");
        assertTrue(text(By.tagName("h1")).contains("<script>window.xssProbe='commitment'</script>Probe commitment"),
                text(By.tagName("h1")));
        browser.screenshot("xss-probe");
        browser.open("/commitments?asOf=2026-01-07");
        assertTrue(text(By.id("commitments")).contains("<script>window.xssProbe='organization'</script>Probe coalition"));
        browser.open("/query?name=commitments");
        assertTrue(text(By.id("results")).contains("<script>window.xssProbe='commitment'</script>Probe commitment"),
                text(By.id("results")));
        browser.open("/");
        assertTrue(browser.driver().getPageSource().contains("&lt;script&gt;window.xssProbe"), "escaped in the HTML");
    }

    String statusOf(String slug) {
        return browser.driver().findElement(By.cssSelector(
                "#commitments tr[data-commitment='https://w3id.org/pledgegraph/id/commitment/" + slug + "'] td.status .badge")).getText();
    }
}
