package org.salwledger.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.salwledger.core.crypto.SigningKey;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salwledger.api.LedgerTestClient.command;

/**
 * The console in a real browser (the system's Chromium, headless): an investigator signs in with a key
 * file (the page signs the OpenSession envelope itself), finds a pistol by a partial serial, reads its
 * timeline and composition, and every record is proven green by the browser's own check against the
 * pinned log key; a record altered on its way to the page turns its badge red. Needs {@code chromium}
 * and {@code chromium-driver}; runs with {@code -Dledger.test.browser=true} (.ci/run does).
 */
@EnabledIfSystemProperty(named = "ledger.test.browser", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBrowserTest extends RunningLedger {
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final SigningKey makerKey = SigningKey.generate();
    private final String maker = "BE-FNH-" + suffix;
    private final SigningKey investigatorKey = SigningKey.generate();
    private final String investigator = "NL-INV-" + suffix;
    private WebDriver browser;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        RunningLedger.ledgerProperties(registry);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String ok(SigningKey key, String actor, ObjectNode command) {
        LedgerTestClient.Answer answer = ledger.submit(key, actor, command);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("itemId").asText();
    }

    /** A marked pistol with its fire-control unit installed: three records on the pistol's own stream. */
    private String pistolWithFcu(String serial) {
        String pistol = ok(makerKey, maker, SampleCommands.pistol());
        ok(makerKey, maker, command("MarkItem").put("itemId", pistol).put("markType", "MANUFACTURE").put("serial", serial)
                .put("text", "FNH BE " + serial).put("component", "FRAME").put("method", "EMBEDDED_METAL_PLATE")
                .put("location", "steel plate embedded in the grip"));
        String fcu = ok(makerKey, maker, command("ManufactureItem").put("kind", "PART").put("partType", "FIRE_CONTROL_UNIT")
                .put("make", "FN Herstal").put("model", "FN 509 FCU").put("calibre", "9x19mm").put("material", "METAL")
                .put("production", "INDUSTRIAL"));
        ok(makerKey, maker, command("AssemblePart").put("hostId", pistol).put("partId", fcu));
        return pistol;
    }

    private WebDriver chromium() {
        ChromeOptions options = new ChromeOptions().setBinary(System.getProperty("ledger.test.chromium", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,1500");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("ledger.test.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private WebElement shown(By by) {
        try {
            // pages re-render as their reads answer: an element found may be replaced before it is checked
            return new WebDriverWait(browser, Duration.ofSeconds(20))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                List<WebElement> found = d.findElements(by);
                return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(by + " not shown; the page says: " + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private List<String> badges() {
        return browser.findElements(By.cssSelector("#timeline .badge")).stream().map(b -> b.getAttribute("class")).toList();
    }

    private void signIn(String actor, SigningKey key, String expectedRole) throws Exception {
        Path keyFile = Files.createTempFile("console", ".key");
        Files.writeString(keyFile, key.seedBase64() + "\n");
        browser.get("http://localhost:" + port + "/#/sign-in");
        shown(By.id("sign-in"));
        browser.findElement(By.id("actor")).sendKeys(actor);
        browser.findElement(By.id("key")).sendKeys(keyFile.toAbsolutePath().toString());
        browser.findElement(By.id("logKey")).clear();
        browser.findElement(By.id("logKey")).sendKeys(ledger.get("/api/v1/log/key", null).body().trim());
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        assertThat(shown(By.id("signed-in-as")).getText()).isEqualTo(actor + " (" + expectedRole + ")");
    }

    private String traceStatus() {
        return shown(By.cssSelector("#trace-status strong")).getText();
    }

    /**
     * ITI section V in the browser: an investigator of another State traces a stolen pistol by what is
     * left of its serial; the manufacturing State's authority acknowledges and answers; the investigator
     * reads the answer. Every step is a command signed in the page.
     */
    @Test
    void aTraceGoesFromRequestToAnswerInTheBrowser() throws Exception {
        SigningKey authorityKey = SigningKey.generate();
        String authority = "BE-AUTH-" + suffix;
        ledger.register(maker, "MANUFACTURER", "BE", makerKey);
        ledger.register(investigator, "INVESTIGATOR", "NL", investigatorKey);
        ledger.register(authority, "AUTHORITY", "BE", authorityKey);
        String serial = "TRC" + suffix + "42";
        String pistol = pistolWithFcu(serial);
        ok(makerKey, maker, command("ReportStolen").put("itemId", pistol).put("place", "factory, Herstal"));
        browser = chromium();

        signIn(investigator, investigatorKey, "INVESTIGATOR");
        browser.findElement(By.linkText("Traces")).click();
        shown(By.id("new-trace"));
        browser.findElement(By.id("markingText")).sendKeys(serial.substring(0, 4) + "??" + serial.substring(6));
        browser.findElement(By.id("obliterated")).click();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('traceKind').value = 'WEAPON';"
                + "document.getElementById('recoveredAt').value = '2026-11-27T10:00';");
        browser.findElement(By.id("recoveredPlace")).sendKeys("Rotterdam harbour");
        browser.findElement(By.cssSelector("input[name=illicitGrounds][value=ILLICIT_WHERE_FOUND]")).click();
        browser.findElement(By.id("legalBasis")).sendKeys("ITI para 17; NL criminal procedure");
        browser.findElement(By.id("intendedUse")).sendKeys("criminal investigation");
        screenshot("trace-new");
        browser.findElement(By.cssSelector("#new-trace button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("#/trace/"));
        assertThat(traceStatus()).isEqualTo("SUBMITTED");
        String traceUrl = browser.getCurrentUrl();
        WebElement candidate = shown(By.cssSelector("#candidates li.candidate"));
        assertThat(candidate.findElement(By.cssSelector(".last-legal")).getText()).contains(maker);
        assertThat(candidate.findElement(By.cssSelector(".diversion")).getText()).contains("THEFT").contains("ItemStolen");
        assertThat(browser.findElement(By.id("trace-status")).getText()).contains("to BE");
        WebElement chainSummary = candidate.findElement(By.cssSelector(".chain-proof-summary"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> chainSummary.getAttribute("data-millis") != null);
        candidate.findElement(By.tagName("summary")).click();
        assertThat(chainSummary.getText()).startsWith("4 proven, 0 pending, 0 not proven");
        assertThat(candidate.findElements(By.cssSelector(".custody-fact .badge.verified"))).hasSize(4);

        browser.findElement(By.id("sign-out")).click();
        signIn(authority, authorityKey, "AUTHORITY");
        browser.get(traceUrl);
        shown(By.cssSelector("#acknowledge button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> traceStatus().equals("ACKNOWLEDGED"));
        shown(By.id("answer"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('outcome').value = 'ANSWERED';");
        browser.findElement(By.id("information")).sendKeys("Manufactured by " + maker + ", reported stolen from its factory.");
        browser.findElement(By.cssSelector("input[name=identifiedItems][value='" + pistol + "']")).click();
        screenshot("trace-answer");
        browser.findElement(By.cssSelector("#answer button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> traceStatus().equals("ANSWERED"));

        browser.findElement(By.id("sign-out")).click();
        signIn(investigator, investigatorKey, "INVESTIGATOR");
        browser.get(traceUrl);
        assertThat(traceStatus()).isEqualTo("ANSWERED");
        assertThat(browser.findElement(By.id("trace-steps")).getText()).contains("TraceRequested").contains("TraceAcknowledged")
                .contains("TraceAnswered").contains("reported stolen from its factory");
        screenshot("trace-answered");
    }

    /**
     * A pistol with 20 records (made, marked, eight domestic transfers, linked to an unmarked recovery,
     * seized): every record proven in the browser, its transfers and identity link listed, a transfer
     * opened; the session warns before it ends and signs out when it has.
     */
    @Test
    void aTwentyRecordItemShowsItsTransfersAndIdentityLinksAndTheSessionWarnsBeforeItEnds() throws Exception {
        SigningKey armyKey = SigningKey.generate();
        SigningKey policeKey = SigningKey.generate();
        String army = "BE-ARMY-" + suffix;
        String police = "BE-POL-" + suffix;
        ledger.register(maker, "MANUFACTURER", "BE", makerKey);
        ledger.register(army, "HOLDER", "BE", armyKey);
        ledger.register(police, "LAW_ENFORCEMENT", "BE", policeKey);
        ledger.register(investigator, "INVESTIGATOR", "NL", investigatorKey);
        String serial = "TWN" + suffix + "20";
        String pistol = ok(makerKey, maker, SampleCommands.pistol());
        ok(makerKey, maker, command("MarkItem").put("itemId", pistol).put("markType", "MANUFACTURE").put("serial", serial)
                .put("text", "FNH BE " + serial).put("component", "FRAME").put("method", "LASER"));
        List<String> transfers = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            boolean out = i % 2 == 0;
            ObjectNode dispatch = command("DispatchTransfer").put("consignee", out ? army : maker).put("kind", "DOMESTIC")
                    .put("dueBy", java.time.LocalDate.now().plusDays(10).toString());
            dispatch.putArray("itemIds").add(pistol);
            LedgerTestClient.Answer sent = ledger.submit(out ? makerKey : armyKey, out ? maker : army, dispatch);
            assertThat(sent.status()).as(sent.body()).isEqualTo(201);
            String transferId = sent.json().get("transferId").asText();
            transfers.add(transferId);
            LedgerTestClient.Answer received = ledger.submit(out ? armyKey : makerKey, out ? army : maker,
                    command("ReceiveTransfer").put("transferId", transferId));
            assertThat(received.status()).as(received.body()).isEqualTo(201);
        }
        String unmarked = ok(policeKey, police, command("RegisterUnmarkedItem").put("kind", "WEAPON")
                .put("category", "REVOLVER_OR_SELF_LOADING_PISTOL").put("material", "POLYMER").put("production", "INDUSTRIAL")
                .put("description", "pistol, serial ground off").put("place", "Liège"));
        LedgerTestClient.Answer linked = ledger.submit(policeKey, police, command("LinkIdentity").put("unmarkedItemId", unmarked)
                .put("knownItemId", pistol).put("evidence", "serial restored by etching"));
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        ok(policeKey, police, command("SeizeItem").put("itemId", pistol).put("place", "Liège").put("reason", "evidence"));
        int records = eventCount();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COALESCE(MAX(tree_size), 0) FROM log_checkpoint", Integer.class) >= records);

        browser = chromium();
        signIn(investigator, investigatorKey, "INVESTIGATOR");
        browser.get("http://localhost:" + port + "/#/item/" + pistol);
        WebElement summary = shown(By.id("proof-summary"));
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> summary.getText().contains("checked in this browser"));
        // its 20 records and the linked unmarked item's 2, each from its own stream's chain
        assertThat(summary.getText()).startsWith("22 proven, 0 pending, 0 not proven");
        System.out.println("console: browser proof check of a 20-record item (22 records shown) "
                + summary.getAttribute("data-millis") + " ms");
        assertThat(browser.findElements(By.cssSelector("#transfers li.transfer"))).hasSize(8);
        assertThat(browser.findElement(By.id("transfers")).getText()).contains(transfers.get(0))
                .contains("ItemDispatched").contains("ItemReceived");
        assertThat(browser.findElements(By.cssSelector("#identity-links li"))).hasSize(1);
        assertThat(browser.findElement(By.id("identity-links")).getText()).contains(unmarked)
                .contains("serial restored by etching");
        screenshot("item-transfers");
        browser.findElement(By.cssSelector("#transfers a[href='#/transfer/" + transfers.get(0) + "']")).click();
        assertThat(shown(By.id("transfer-state")).getText()).isEqualTo("RECEIVED");
        assertThat(browser.findElement(By.id("transfer-items")).getText()).contains(pistol).contains("RECEIVED");

        // the session's end, brought near: a warning first, then the sign-in page
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("""
                const s = JSON.parse(sessionStorage.getItem('salw-ledger.session'));
                s.expiresAt = new Date(Date.now() + 120000).toISOString();
                sessionStorage.setItem('salw-ledger.session', JSON.stringify(s));
                location.hash = '#/search';""");
        assertThat(shown(By.id("session-warning")).getText()).contains("Your session ends at").contains("Sign in again");
        js.executeScript("""
                const s = JSON.parse(sessionStorage.getItem('salw-ledger.session'));
                s.expiresAt = new Date(Date.now() + 1500).toISOString();
                sessionStorage.setItem('salw-ledger.session', JSON.stringify(s));
                location.hash = '#/alerts';""");
        assertThat(shown(By.id("session-ended")).getText()).contains("Your session ended");
        shown(By.id("sign-in"));
        assertThat(browser.findElement(By.id("session-warning")).isDisplayed()).isFalse();
    }

    /** The console's own crypto and log math, run in the browser against published and project vectors. */
    @Test
    @SuppressWarnings("unchecked")
    void theConsolesCryptoReproducesThePublishedVectors() throws Exception {
        browser = chromium();
        browser.get("http://localhost:" + port + "/");
        shown(By.id("sign-in"));
        String script;
        try (var in = getClass().getResourceAsStream("/console-vectors.js")) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        var result = (java.util.Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(script);
        assertThat((List<String>) result.get("failures")).isEmpty();
        assertThat(((Number) result.get("checks")).intValue()).isGreaterThanOrEqualTo(25);
    }

    @Test
    void anInvestigatorFindsAPistolByAPartialSerialAndTheBrowserProvesItsRecords() throws Exception {
        ledger.register(maker, "MANUFACTURER", "BE", makerKey);
        ledger.register(investigator, "INVESTIGATOR", "NL", investigatorKey);
        String serial = "GKS" + suffix + "77";
        String pistol = pistolWithFcu(serial);
        // stolen from the factory; the manufacturer's export of it is then refused: a red flag for investigators
        ledger.register("CD-MOD-" + suffix, "AUTHORITY", "CD", SigningKey.generate());
        ok(makerKey, maker, command("ReportStolen").put("itemId", pistol).put("place", "factory, Herstal"));
        assertThat(ledger.submit(makerKey, maker, SampleCommands.exportTo("CD-MOD-" + suffix, pistol)).status()).isEqualTo(422);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM alert WHERE type = 'REFUSED_LOST_OR_STOLEN' AND status = 'OPEN'", Integer.class) > 0);
        int records = eventCount();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COALESCE(MAX(tree_size), 0) FROM log_checkpoint", Integer.class) >= records);
        Path keyFile = Files.createTempFile("investigator", ".key");
        Files.writeString(keyFile, investigatorKey.seedBase64() + "\n");
        String logKey = ledger.get("/api/v1/log/key", null).body().trim();

        browser = chromium();
        String base = "http://localhost:" + port + "/";
        long started = System.nanoTime();
        browser.get(base);
        shown(By.id("sign-in"));
        long firstLoadMillis = (System.nanoTime() - started) / 1_000_000;
        browser.findElement(By.id("actor")).sendKeys(investigator);
        browser.findElement(By.id("key")).sendKeys(keyFile.toAbsolutePath().toString());
        browser.findElement(By.id("logKey")).clear();
        browser.findElement(By.id("logKey")).sendKeys(logKey);
        screenshot("sign-in");
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        assertThat(shown(By.id("signed-in-as")).getText()).isEqualTo(investigator + " (INVESTIGATOR)");
        assertThat(browser.findElement(By.id("expires")).getText()).contains("session until");

        // two characters ground off: the investigator types what is left
        String partial = serial.substring(0, 3) + "??" + serial.substring(5);
        WebElement mark = shown(By.id("mark"));
        mark.sendKeys(partial);
        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
        WebElement hit = shown(By.cssSelector("#results tr.hit"));
        assertThat(hit.getText()).contains("wildcard").contains(serial).contains("STOLEN").contains(maker);
        screenshot("search");
        hit.findElement(By.cssSelector("a[href='#/item/" + pistol + "']")).click();

        WebElement summary = shown(By.id("proof-summary"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> summary.getText().contains("checked in this browser"));
        assertThat(summary.getText()).startsWith("4 proven, 0 pending, 0 not proven");
        assertThat(badges()).hasSize(4).allMatch(c -> c.contains("verified"));
        assertThat(browser.findElements(By.cssSelector("#timeline .type")).stream().map(WebElement::getText))
                .containsExactly("ItemManufactured", "ItemMarked", "PartAssembled", "ItemStolen");
        assertThat(browser.findElement(By.cssSelector("#timeline li.record .facts")).getText())
                .contains("make\nFN Herstal").contains("model\nFN 509").contains("manufacturer\n" + maker);
        assertThat(browser.findElement(By.cssSelector("section .facts")).getText()).contains("status\nSTOLEN");
        assertThat(shown(By.cssSelector("#composition li.part")).getText()).contains("FIRE_CONTROL_UNIT FN 509 FCU");
        assertThat(browser.findElement(By.id("markings")).getText()).contains("FNH BE " + serial);
        assertThat(shown(By.cssSelector("#item-alerts tr.alert")).getText()).contains("refused lost or stolen").contains("OPEN");
        screenshot("item");
        long proofMillis = Long.parseLong(summary.getAttribute("data-millis"));
        System.out.println("console: first load " + firstLoadMillis + " ms; browser proof check of 4 records "
                + proofMillis + " ms");

        browser.findElement(By.linkText("Alerts")).click();
        WebElement alert = shown(By.cssSelector("#alert-list tr.alert"));
        assertThat(browser.findElements(By.cssSelector("#alert-list a[href='#/item/" + pistol + "']"))).isNotEmpty();
        screenshot("alerts");
        browser.findElement(By.cssSelector("#alert-list a[href='#/item/" + pistol + "']")).click();
        shown(By.id("proof-summary"));

        // A server (or anything on the way) alters one byte of one served record: the browser notices.
        ((JavascriptExecutor) browser).executeScript("""
                const original = window.fetch;
                window.fetch = async (input, init) => {
                  const response = await original(input, init);
                  if (!String(input).endsWith('/chain')) { return response; }
                  const text = (await response.text()).replace('"model":"FN 509"', '"model":"FN 519"');
                  return new Response(text, { status: response.status, headers: response.headers });
                };
                location.hash = '#/search';
                setTimeout(() => { location.hash = '#/item/%s'; }, 50);
                """.formatted(pistol));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d ->
                d.findElement(By.id("proof-summary")).getText().contains("checked in this browser"));
        assertThat(browser.findElement(By.id("proof-summary")).getText()).startsWith("3 proven, 0 pending, 1 not proven");
        WebElement red = browser.findElement(By.cssSelector("#timeline li.record .badge.broken"));
        assertThat(red.getAttribute("aria-label")).contains("does not hash to the leaf the log holds");
        // what the page shows is the record it failed to prove, beside its red badge
        assertThat(browser.findElement(By.cssSelector("#timeline li.record .facts")).getText()).contains("model\nFN 519");
        screenshot("item-tampered");
    }
}
