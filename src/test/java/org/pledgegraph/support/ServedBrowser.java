package org.pledgegraph.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.pledgegraph.Vocab;
import org.pledgegraph.server.PledgeServer;
import org.pledgegraph.server.ServerSettings;
import org.pledgegraph.store.Store;
import org.pledgegraph.web.Links;
import org.pledgegraph.web.Web;

/**
 * One served store and one headless Chromium for all the browser tests of a class: a TDB2 store on disk loaded from
 * the repository (to which {@link #addXssProbe} adds the hostile fixture {@code web/xss-probe.ttl}), served by {@link PledgeServer} on a free loopback
 * port, and Debian's {@code chromium} driven through {@code /usr/bin/chromedriver}. Selenium Manager is never asked
 * for anything: both paths are given. Where either program is missing the tests are skipped with the reason
 * ({@code .ci/run} installs them). Register it on a static field with {@code @RegisterExtension}.
 *
 * <p>Screenshots go to {@code target/screenshots/}; with {@code -Dpledgegraph.screenshots=DIR} (e.g.
 * {@code docs/screenshots}) they are also copied there.
 */
public final class ServedBrowser implements BeforeAllCallback, AfterAllCallback {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final String FIXTURE_GRAPH = Vocab.sourceGraph("xss-probe");
    static final int WIDTH = 1280;
    static final int HEIGHT = 900;

    private Path dir;
    private Store store;
    private PledgeServer server;
    private ChromeDriverService service;
    private ChromeDriver driver;

    /** Why browser tests cannot run here, or null when they can. */
    public static String missing() {
        for (Path program : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(program)) {
                return program + " is missing (Debian: apt-get install chromium chromium-driver; .ci/run does it)";
            }
        }
        return null;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        String reason = missing();
        if (reason != null) {
            System.out.println("Skipping browser tests: " + reason);
            System.err.println("Skipping browser tests: " + reason);
        }
        Assumptions.assumeTrue(reason == null, reason);

        dir = Files.createTempDirectory("pledgegraph-browser");
        store = TestStores.loadedOnDisk(dir.resolve("store"));
        server = PledgeServer.start(store, ServerSettings.defaults().withPort(0), List.of(new Web(store, Links.w3id(), TestStores.project())));

        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + WIDTH + "," + HEIGHT,
                "--user-data-dir=" + dir.resolve("chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /**
     * Adds the hostile fixture {@code web/xss-probe.ttl} (labels that are markup) to the served store, with its
     * derivations. Called by the test that probes, after the pages photographed for the README.
     */
    public void addXssProbe() {
        store.write(dsg -> addFixture(dsg, "/web/xss-probe.ttl", FIXTURE_GRAPH));
    }

    private static void addFixture(DatasetGraph dsg, String resource, String graph) {
        try (InputStream in = ServedBrowser.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            var g = dsg.getGraph(Vocab.iri(graph));
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Store store() {
        return store;
    }

    /** The server's root, e.g. {@code http://127.0.0.1:PORT}. */
    public String base() {
        return server.baseUrl();
    }

    /** Opens a path of the served site ({@code /query}); returns once the page has loaded. */
    public void open(String path) {
        driver.get(base() + path);
    }

    /** The whole page as a PNG in target/screenshots/NAME.png (and in -Dpledgegraph.screenshots, when set). */
    public Path screenshot(String name) throws IOException {
        JavascriptExecutor js = driver;
        js.executeScript("window.scrollTo(0, 0)");
        long height = ((Number) js.executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")).longValue();
        driver.manage().window().setSize(new Dimension(WIDTH, (int) Math.min(Math.max(height + 120, HEIGHT), 2600)));
        try {
            Path out = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(out.getParent());
            Files.write(out, driver.getScreenshotAs(OutputType.BYTES));
            String copyTo = System.getProperty("pledgegraph.screenshots");
            if (copyTo != null && !copyTo.isBlank()) {
                Path dest = Path.of(copyTo).resolve(name + ".png");
                Files.createDirectories(dest.getParent());
                Files.copy(out, dest, StandardCopyOption.REPLACE_EXISTING);
            }
            return out;
        } finally {
            driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        }
    }

    /** The browser console's errors since the last call (CSP violations, failed loads, script errors). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                // Browsers ask for /favicon.ico on their own; a page does not.
                .filter(e -> !e.getMessage().contains("/favicon.ico "))
                .map(LogEntry::getMessage).toList();
    }

    /** What the page's scripts did with the probe: null when no fixture script ran. */
    public Object xssProbe() {
        return ((JavascriptExecutor) driver).executeScript("return window.xssProbe === undefined ? null : window.xssProbe");
    }

    static {
        // The driver is named, so Selenium Manager has nothing to look up or download.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    }
}
