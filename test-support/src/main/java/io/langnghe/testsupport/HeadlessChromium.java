package io.langnghe.testsupport;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, with a fresh profile (user-data-dir) and a given window size, driven by
 * Debian's chromedriver. Closing it quits the browser and deletes the profile directory.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final Path profile;
    private final ChromeDriver driver;

    private HeadlessChromium(int width, int height, String... extraArguments) {
        try {
            profile = Files.createTempDirectory("langnghe-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> arguments = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile));
        arguments.addAll(List.of(extraArguments));
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteProfile();
            throw e;
        }
    }

    /** Starts the browser with a {@code width}×{@code height} window and any further Chromium switches. */
    public static HeadlessChromium start(int width, int height, String... extraArguments) {
        return new HeadlessChromium(width, height, extraArguments);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** The fresh profile directory; files a test puts here are deleted on {@link #close()}. */
    public Path profile() {
        return profile;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }
}
