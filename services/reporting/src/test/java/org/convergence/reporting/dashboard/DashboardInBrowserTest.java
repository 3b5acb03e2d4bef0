package org.convergence.reporting.dashboard;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.convergence.embedded.ConvergenceStackResource;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real headless Chromium: sign-in with a token, the nation's and a territory's pages, a
 * coordinator refused another territory, a published report unchanged after a correction. Screenshots of each page
 * are kept in {@code target/dashboard-screenshots}.
 */
@QuarkusTest
@WithTestResource(ConvergenceStackResource.class)
class DashboardInBrowserTest {

    /** The year this class publishes: no other test class publishes it. */
    private static final int YEAR = 2016;

    @TestHTTPResource("/")
    URL base;

    @Inject
    FiguresService figures;

    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start(1280, 1800);
    }

    @AfterEach
    void stopBrowser() {
        browser.quit();
    }

    @Test
    void aNationalUserSignsInSeesTheNationAndATerritoryAndAPublishedReportStaysAsPublishedAfterACorrection() {
        try (Scenario scenario = new Scenario(YEAR).awaitFigures(figures)) {
            open("/dashboard");
            assertTrue(browser.getCurrentUrl().endsWith("/dashboard/sign-in"), "not signed in: sent to sign-in");
            HeadlessChromium.screenshot(browser, "01-sign-in");
            signIn(Tokens.national());
            assertTrue(browser.getCurrentUrl().contains("/dashboard/national"), browser.getCurrentUrl());
            Cookie session = browser.manage().getCookieNamed(SessionCookie.NAME);
            assertNotNull(session, "the token is kept in the session cookie");
            assertTrue(session.isHttpOnly(), "scripts cannot read the session cookie");
            assertEquals("Strict", session.getSameSite());

            open("/dashboard/national?year=" + YEAR);
            assertEquals("France entière · " + YEAR, text(By.tagName("h1")));
            WebElement territoryLink = browser.findElement(By.linkText(scenario.territory));
            HeadlessChromium.screenshot(browser, "02-national");

            territoryLink.click();
            assertEquals(scenario.territory + " · " + YEAR, text(By.tagName("h1")));
            assertEquals("3", liveCell("accompanied").findElement(By.className("value")).getText());
            assertEquals("0 / 1", liveCell("dynamicExits").findElement(By.className("detail")).getText(),
                    "a rate shows its numerator and denominator");
            assertFalse(browser.findElements(By.id("work-counts")).isEmpty(), "the national team sees work lists");
            HeadlessChromium.screenshot(browser, "03-territory");

            open("/dashboard/national?year=" + YEAR);
            browser.findElement(By.id("publish")).click();
            assertTrue(text(By.id("publication")).startsWith("Rapport " + YEAR + " publié le"));
            scenario.correctLeaverToDurableEmployment(figures);

            open("/dashboard/territories/" + scenario.territory + "?year=" + YEAR);
            assertEquals("1 / 1", liveCell("dynamicExits").findElement(By.className("detail")).getText(),
                    "the live figures follow the correction");
            assertEquals("0 / 1", publishedCell("dynamicExits").findElement(By.className("detail")).getText(),
                    "the published figures do not");
            HeadlessChromium.screenshot(browser, "04-territory-published-beside-live");

            browser.findElement(By.linkText(scenario.chantier)).click();
            assertEquals(scenario.chantier + " · " + YEAR, text(By.tagName("h1")));
            assertEquals("0 / 1", publishedCell("dynamicExits").findElement(By.className("detail")).getText());
            HeadlessChromium.screenshot(browser, "05-chantier");
        }
    }

    @Test
    void aCoordinatorLandsOnItsTerritoryAndIsRefusedAnother() {
        try (Scenario own = new Scenario(YEAR - 1); Scenario other = new Scenario(YEAR - 1)) {
            own.awaitFigures(figures);
            other.awaitFigures(figures);
            open("/dashboard/sign-in");
            signIn(Tokens.coordinator(own.territory));
            assertTrue(browser.getCurrentUrl().contains("/dashboard/territories/" + own.territory),
                    browser.getCurrentUrl());

            open("/dashboard/territories/" + other.territory + "?year=" + (YEAR - 1));
            assertEquals("Accès refusé", text(By.tagName("h1")));
            assertFalse(browser.getPageSource().contains(other.chantier), "nothing of the other territory shows");
            HeadlessChromium.screenshot(browser, "06-coordinator-refused");

            open("/dashboard/national");
            assertEquals("Accès refusé", text(By.tagName("h1")));
        }
    }

    @Test
    void everyPageHasItsLanguageLabelsTableHeadersNamedChartsASkipLinkAndEnoughContrast() throws Exception {
        String check = new String(getClass().getResourceAsStream("/dashboard/accessibility-check.js").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        try (Scenario scenario = new Scenario(YEAR - 2).awaitFigures(figures)) {
            open("/dashboard/sign-in");
            assertEquals(List.of(), browser.executeScript(check), "sign-in page");
            signIn(Tokens.national());
            for (String page : List.of("/dashboard/national?year=" + (YEAR - 2),
                    "/dashboard/territories/" + scenario.territory + "?year=" + (YEAR - 2),
                    "/dashboard/chantiers/" + scenario.chantier + "?year=" + (YEAR - 2))) {
                open(page);
                assertEquals(List.of(), browser.executeScript(check), page);
            }
            open("/dashboard/national");
            browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
            assertEquals("Aller au contenu", browser.switchTo().activeElement().getText(),
                    "the first Tab reaches the skip link");
        }
    }

    @Test
    void theSignInFormWorksWithTheKeyboardAlone() {
        open("/dashboard/sign-in");
        WebElement field = browser.findElement(By.id("token"));
        assertEquals("Jeton d'accès", browser.findElement(By.cssSelector("label[for=token]")).getText());
        field.sendKeys(Tokens.evaluator());
        field.sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertTrue(browser.getCurrentUrl().contains("/dashboard/national"), browser.getCurrentUrl());
    }

    @Test
    void aForgedTokenIsRefusedAtSignIn() {
        open("/dashboard/sign-in");
        String token = Tokens.national();
        signIn(token.substring(0, token.length() - 4) + "AAAA");
        assertTrue(browser.getCurrentUrl().endsWith("/dashboard/sign-in"));
        assertTrue(text(By.id("sign-in-error")).startsWith("Ce jeton n'est pas valide"));
        assertEquals(null, browser.manage().getCookieNamed(SessionCookie.NAME));
    }

    @Test
    void onAPhoneThePageFitsTheScreenWidth() {
        browser.quit();
        browser = HeadlessChromium.start(390, 844);
        open("/dashboard/sign-in");
        signIn(Tokens.national());
        Number pageWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number viewport = (Number) browser.executeScript("return window.innerWidth");
        assertTrue(pageWidth.intValue() <= viewport.intValue(),
                "no sideways scrolling of the page: " + pageWidth + " > " + viewport);
        HeadlessChromium.screenshot(browser, "07-national-phone");
    }

    private void signIn(String token) {
        browser.findElement(By.id("token")).sendKeys(token);
        WebElement button = browser.findElement(By.id("sign-in"));
        button.click();
        awaitNextPage(button);
    }

    /**
     * A click returns before the page it submits has replaced this one: wait until that element is gone, then until
     * the new page has loaded. Chromium says "gone" in two ways while it navigates: a stale element, or a node that
     * "does not belong to the document" (seen in a CI dry run on 2 December).
     */
    private void awaitNextPage(WebElement fromOldPage) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (!isGone(fromOldPage)) {
            pauseBefore(deadline, "the page did not change within 15 s of the click");
        }
        while (!"complete".equals(readyState())) {
            pauseBefore(deadline, "the next page did not finish loading within 15 s of the click");
        }
    }

    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** The document's ready state, or null while the browser is between two documents. */
    private String readyState() {
        try {
            return String.valueOf(browser.executeScript("return document.readyState"));
        } catch (org.openqa.selenium.WebDriverException betweenDocuments) {
            return null;
        }
    }

    private static void pauseBefore(long deadline, String failure) {
        if (System.nanoTime() > deadline) {
            throw new AssertionError(failure);
        }
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the next page", e);
        }
    }

    private void open(String path) {
        browser.get(base.toString().replaceAll("/$", "") + path);
    }

    private String text(By by) {
        return browser.findElement(by).getText();
    }

    /** The cell of a figure in the live column of the asked year (the one headed "(en direct)"). */
    private WebElement liveCell(String figure) {
        return cellUnder(figure, "(en direct)");
    }

    private WebElement publishedCell(String figure) {
        return cellUnder(figure, "(publié)");
    }

    private WebElement cellUnder(String figure, String headerEnding) {
        List<WebElement> headers = browser.findElements(By.cssSelector("#figures-table thead th"));
        int column = -1;
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).getText().endsWith(headerEnding)) {
                column = i;
            }
        }
        assertTrue(column > 0, "a column headed …" + headerEnding);
        return browser.findElements(By.cssSelector("#figures-table tr[data-figure='" + figure + "'] td"))
                .get(column - 1);
    }
}
