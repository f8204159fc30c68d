package org.callscore.itests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, driven through the Chrome DevTools Protocol over a WebSocket of one page. Started
 * with its own empty profile; {@link #close()} kills it (and its child processes) and deletes the profile.
 */
final class Chromium implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(30);
    private static final Duration CALL = Duration.ofSeconds(30);
    private static final Duration LOGIN = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    /** The events the browser sent (those of the domains a test enabled, e.g. {@code Network.enable}). */
    private final Queue<Map<String, Object>> events = new ConcurrentLinkedQueue<>();

    private Chromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** @return the browser, or an AssertionError saying how to install it */
    static Chromium start() throws Exception {
        String binary = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser")
                .filter(path -> new File(path).canExecute()).findFirst()
                .orElseThrow(() -> new AssertionError("Debian's chromium is not installed: apt-get install chromium "
                        + "(./callscore test installs it)"));
        Path profile = Files.createTempDirectory("callscore-chromium");
        List<String> command = new ArrayList<>(List.of(binary, "--headless=new", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check", "--disable-gpu",
                "--disable-extensions", "--disable-background-networking", "--disable-sync", "--mute-audio",
                "--window-size=1280,2400", "about:blank"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add(1, "--no-sandbox"); // Chromium refuses to run as root with its sandbox
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            Path activePort = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + START.toNanos();
            while (!Files.exists(activePort) || Files.readAllLines(activePort).size() < 2) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("Chromium did not start: "
                            + Files.readString(profile.resolve("chromium.log")));
                }
                Thread.sleep(100);
            }
            int port = Integer.parseInt(Files.readAllLines(activePort).get(0).trim());
            HttpClient http = HttpClient.newHttpClient();
            String targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            String pageSocket = null;
            for (Object target : (List<?>) MiniJson.parse(targets)) {
                Map<?, ?> t = (Map<?, ?>) target;
                if ("page".equals(t.get("type"))) {
                    pageSocket = (String) t.get("webSocketDebuggerUrl");
                    break;
                }
            }
            if (pageSocket == null) {
                throw new AssertionError("Chromium has no page: " + targets);
            }
            Chromium[] self = new Chromium[1];
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
                private final StringBuilder message = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    message.append(data);
                    if (last) {
                        self[0].received(message.toString());
                        message.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
            self[0] = new Chromium(process, profile, socket);
            return self[0];
        } catch (Exception | AssertionError e) {
            kill(process);
            delete(profile);
            throw e;
        }
    }

    private void received(String text) {
        Map<String, Object> message = MiniJson.object(text);
        Object id = message.get("id");
        if (id == null) {
            events.add(message);
        } else {
            CompletableFuture<Map<String, Object>> answer = pending.remove(((Number) id).intValue());
            if (answer != null) {
                answer.complete(message);
            }
        }
    }

    /** Calls a DevTools method; fails on its error. */
    @SuppressWarnings("unchecked")
    Map<String, Object> call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(MiniJson.write(Map.of("id", id, "method", method, "params", params)), true)
                .get(10, TimeUnit.SECONDS);
        Map<String, Object> message = answer.get(CALL.toSeconds(), TimeUnit.SECONDS);
        if (message.containsKey("error")) {
            throw new AssertionError(method + ": " + message.get("error"));
        }
        return (Map<String, Object>) message.get("result");
    }

    /** @return the parameters of each event of this method received so far, oldest first */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events(String method) {
        return events.stream().filter(event -> method.equals(event.get("method")))
                .map(event -> (Map<String, Object>) event.get("params")).toList();
    }

    /** @return the value of a JavaScript expression in the page (promises awaited) */
    @SuppressWarnings("unchecked")
    Object evaluate(String expression) throws Exception {
        Map<String, Object> result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.containsKey("exceptionDetails")) {
            throw new AssertionError("page script failed: " + expression + ": " + result.get("exceptionDetails"));
        }
        return ((Map<String, Object>) result.get("result")).get("value");
    }

    /** Waits until the expression is true in the page. */
    void waitFor(String what, String expression, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        Object last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(last = evaluate(expression))) {
                    return;
                }
            } catch (AssertionError navigating) {
                last = navigating.getMessage(); // e.g. the page changed under the script
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within " + patience.toSeconds() + " s: " + what + " (" + expression + " was "
                + last + "; page: " + evaluate("location.href + ' ' + document.body.innerText.slice(0, 400)") + ")");
    }

    /**
     * Waits for the dashboard's login form (on the page the browser is on or is going to), types the user and the
     * password into it and sends it, as a person would. Where the login leads is the caller's to wait for.
     */
    void logIn(DashboardUser user) throws Exception {
        waitFor("the login form", "location.pathname === '/callscore/login' && "
                + "document.getElementById('submit') !== null", LOGIN);
        evaluate("document.getElementById('user').value = '" + user.name() + "';"
                + "document.getElementById('password').value = '" + user.password() + "';"
                + "document.getElementById('submit').click(); true");
    }

    void navigate(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
    }

    /** Saves a PNG of the whole page. */
    void screenshot(Path file) throws Exception {
        Map<String, Object> shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(file.getParent());
        Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** Lets the page download files into {@code folder}. */
    void downloadsTo(Path folder) throws Exception {
        Files.createDirectories(folder);
        call("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", folder.toString()));
    }

    @Override
    public void close() {
        socket.abort();
        kill(process);
        delete(profile);
    }

    private static void kill(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
