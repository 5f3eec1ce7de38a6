package org.pledgegraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.pledgegraph.support.ServedBrowser;

/** The pages as a person sees them: headless Chromium against a served store (support/ServedBrowser). */
class BrowserTest {
    @RegisterExtension
    static final ServedBrowser browser = new ServedBrowser();

    @Test
    void theServerAnswersTheBrowser() throws Exception {
        browser.open("/$/ping");
        String body = browser.driver().findElement(By.tagName("body")).getText();
        assertTrue(!body.isBlank(), body);
        browser.screenshot("ping");
        assertEquals(null, browser.xssProbe());
    }
}
