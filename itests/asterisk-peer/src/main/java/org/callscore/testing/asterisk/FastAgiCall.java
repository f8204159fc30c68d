package org.callscore.testing.asterisk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * One call that Asterisk 22 hands to a FastAGI server with {@code AGI(agi://host:port/script)},
 * played byte for byte as res_agi.c plays it: the environment block on connect, then one reply
 * line per command, {@code HANGUP} lines when the channel goes away, AGISTATUS at the end.
 *
 * <p>Drive it by hand ({@link #nextCommand}, {@link #reply}, {@link #answer}) or let the simulated
 * channel answer ({@link #runToEnd}, {@link #respondUntil}). One thread drives a call;
 * {@link #hangup()}, {@link #sendRaw}, {@link #close()} and the getters may be called from any
 * thread. Every blocking step takes a timeout and throws {@link AgiTimeoutError} when it passes.
 *
 * <p>When the session ends (the server closed the socket or wrote a FAILURE line) the peer writes
 * a last {@code HANGUP} and closes the socket, as run_agi() does, unless the channel variable
 * AGISIGHUP is false.
 */
public final class FastAgiCall implements AutoCloseable {

    /** agi_version unless overridden with {@link Builder#env}. */
    public static final String ASTERISK_VERSION = "22.10.1";
    /** A keypad or playback entry for "the caller pressed nothing". */
    public static final String TIMEOUT = "timeout";
    /** A keypad or playback entry for "the caller hung up while this command ran". */
    public static final String CALLER_HANGS_UP = "hangup";
    /** MAX_AGI_CONNECT in res_agi.c: Asterisk gives up on a FastAGI server after 2 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(2000);

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final long EPOCH_SECONDS = System.currentTimeMillis() / 1000;
    /** agi_threadid is pthread_self() of the channel thread; any distinct number will do. */
    private static final long THREAD_ID_BASE = 139_637_976_893_120L;

    private final Socket socket;
    private final OutputStream out;
    private final AgiLineReader reader;
    private final String uniqueId;
    private final String channelName;
    private final SimulatedChannel channel;
    /** AGISIGHUP: whether Asterisk writes HANGUP lines at all. */
    private final boolean notifiesHangup;
    /** AGIEXITONHANGUP: whether Asterisk ends the AGI as soon as the channel hangs up. */
    private final boolean exitsOnHangup;
    private final List<String> commands = new ArrayList<>();
    private final List<String> replies = new ArrayList<>();
    private String pending;
    private String agiStatus = "SUCCESS";
    private boolean ended;
    private boolean serverClosed;
    private boolean closedByTest;

    private FastAgiCall(Socket socket, String uniqueId, String channelName, SimulatedChannel channel)
            throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new AgiLineReader(socket);
        this.uniqueId = uniqueId;
        this.channelName = channelName;
        this.channel = channel;
        this.notifiesHangup = !isFalse(channel.variables().get("AGISIGHUP"));
        this.exitsOnHangup = isTrue(channel.variables().get("AGIEXITONHANGUP"));
    }

    /** Starts describing a call to the FastAGI server at {@code host:port}. */
    public static Builder to(String host, int port) {
        return new Builder(host, port);
    }

    /** The call's agi_uniqueid. */
    public String uniqueId() {
        return uniqueId;
    }

    /** The call's agi_channel. */
    public String channelName() {
        return channelName;
    }

    /**
     * Waits for the server's next command and returns it, unanswered, as received (without its
     * {@code \n}). Returns null when the session is over: the server closed the socket, or it
     * wrote a line starting with FAILURE (any case), which makes AGISTATUS FAILURE.
     *
     * @throws IllegalStateException when the previous command has not been answered yet
     */
    public String nextCommand(Duration timeout) {
        return nextCommand(deadline(timeout), timeout);
    }

    /** Answers the waiting command with {@code line} (plus {@code \n}); may hold several lines. */
    public synchronized void reply(String line) {
        requirePending();
        write(line + "\n");
        replies.add(line);
        pending = null;
    }

    /** Answers the waiting command as the simulated channel does, and returns the reply. */
    public synchronized String answer() {
        requirePending();
        return apply(channel.execute(pending, false), false);
    }

    /**
     * The caller hangs up now: Asterisk writes {@code HANGUP} once, then answers 511 to every
     * command not allowed on a dead channel. If a command is waiting for its reply, Asterisk is
     * still running it, so it is answered first as its handler does on a hangup (prompts and
     * digit reads return -1). Does nothing when the channel is already down.
     */
    public synchronized void hangup() {
        if (ended || channel.isDead()) {
            return;
        }
        if (pending != null) {
            apply(channel.execute(pending, true), true);
        }
        if (!ended && !channel.isDead()) {
            channelHangsUp();
        }
    }

    /** Writes {@code text} as is (UTF-8, no newline added), for output Asterisk would never send. */
    public synchronized void sendRaw(String text) {
        requireOpen();
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Answers the waiting command, if any, and every later one with the simulated channel until
     * the session is over, then returns the outcome.
     */
    public Outcome runToEnd(Duration timeout) {
        long deadline = deadline(timeout);
        answerIfPending();
        while (nextCommand(deadline, timeout) != null) {
            answerIfPending();
        }
        return outcome();
    }

    /**
     * Answers commands with the simulated channel until one matches, and returns that one
     * unanswered, so the call stays in flight at a chosen point.
     *
     * @throws AssertionError when the session ends before a matching command
     */
    public String respondUntil(Predicate<String> commandMatches, Duration timeout) {
        long deadline = deadline(timeout);
        answerIfPending();
        while (true) {
            String command = nextCommand(deadline, timeout);
            if (command == null) {
                Outcome outcome = outcome();
                throw new AssertionError(String.format(
                        "call %s: the AGI session ended (AGISTATUS=%s) before the awaited command; commands: %s",
                        uniqueId, outcome.agiStatus(), outcome.commands()));
            }
            if (commandMatches.test(command)) {
                return command;
            }
            answerIfPending();
        }
    }

    /** A snapshot of the call so far; see {@link Outcome}. */
    public synchronized Outcome outcome() {
        return new Outcome(uniqueId, agiStatus, channel.variables(), commands, replies);
    }

    /** Whether the server closed the connection (EOF or reset seen). */
    public synchronized boolean serverClosed() {
        return serverClosed;
    }

    /** Whether the AGI session is over, by the server, by a FAILURE line, by AGIEXITONHANGUP or by {@link #close()}. */
    public synchronized boolean ended() {
        return ended;
    }

    /**
     * Drops the connection without another byte, as when Asterisk dies. Does nothing once the
     * session has ended, so try-with-resources is safe.
     */
    @Override
    public synchronized void close() {
        if (ended) {
            return;
        }
        closedByTest = true;
        ended = true;
        closeSocket();
    }

    private String nextCommand(long deadline, Duration timeout) {
        synchronized (this) {
            requireOpen();
            if (pending != null) {
                throw new IllegalStateException("call " + uniqueId + ": answer \"" + pending
                        + "\" before reading the next command");
            }
            if (ended) {
                return null;
            }
        }
        String line = readLine(deadline, timeout);
        synchronized (this) {
            requireOpen();
            if (ended) {
                return null;
            }
            if (line == null) {
                serverClosed = true;
                endSession();
                return null;
            }
            if (startsWithFailure(line)) {
                agiStatus = "FAILURE";
                endSession();
                return null;
            }
            commands.add(line);
            pending = line;
            return line;
        }
    }

    private String readLine(long deadline, Duration timeout) {
        try {
            return reader.readLine(deadline);
        } catch (SocketTimeoutException e) {
            throw new AgiTimeoutError(timeoutMessage(timeout));
        } catch (IOException e) {
            // A reset looks like this; fgets() fails there too and run_agi() ends the session.
            synchronized (this) {
                requireOpen();
            }
            return null;
        }
    }

    private synchronized String timeoutMessage(Duration timeout) {
        StringBuilder message = new StringBuilder(String.format(
                "call %s (%s): no command from the FastAGI server within %s; %d commands so far",
                uniqueId, channelName, timeout, commands.size()));
        if (!commands.isEmpty()) {
            message.append(", last \"").append(commands.get(commands.size() - 1)).append('"');
        }
        String partial = reader.partialLine();
        if (!partial.isEmpty()) {
            message.append("; received without a newline: \"").append(partial).append('"');
        }
        return message.toString();
    }

    private synchronized void answerIfPending() {
        if (pending != null) {
            apply(channel.execute(pending, false), false);
        }
    }

    private String apply(SimulatedChannel.Result result, boolean callerHangingUp) {
        write(result.reply() + "\n");
        replies.add(result.reply());
        pending = null;
        // run_agi() only counts a failed command as FAILURE when the channel did not hang up.
        if (result.fails() && !callerHangingUp) {
            agiStatus = "FAILURE";
        }
        if (result.hangsUp()) {
            channelHangsUp();
        }
        return result.reply();
    }

    private void channelHangsUp() {
        channel.markDead();
        if (agiStatus.equals("SUCCESS")) {
            agiStatus = "HANGUP";
        }
        if (notifiesHangup) {
            write("HANGUP\n");
        }
        if (exitsOnHangup) {
            endSession();
        }
    }

    private void endSession() {
        ended = true;
        if (notifiesHangup) {
            write("HANGUP\n");
        }
        closeSocket();
    }

    private void write(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            // ast_agi_send() ignores failed writes; the next read then ends the session.
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }

    private void requirePending() {
        requireOpen();
        if (pending == null) {
            throw new IllegalStateException("call " + uniqueId + ": no command is waiting for a reply");
        }
    }

    private void requireOpen() {
        if (closedByTest) {
            throw new IllegalStateException("call " + uniqueId + " was closed with close()");
        }
    }

    private static long deadline(Duration timeout) {
        return System.nanoTime() + Objects.requireNonNull(timeout, "timeout").toNanos();
    }

    /** strncasecmp(buf, "failure", 7) == 0 */
    private static boolean startsWithFailure(String line) {
        return line.length() >= 7 && AgiCommand.equalsIgnoreAsciiCase(line.substring(0, 7), "failure");
    }

    /** ast_true() */
    private static boolean isTrue(String value) {
        return value != null && Arrays.asList("yes", "true", "y", "t", "1", "on")
                .contains(value.trim().toLowerCase(Locale.ROOT));
    }

    /** ast_false() */
    private static boolean isFalse(String value) {
        return value != null && Arrays.asList("no", "false", "n", "f", "0", "off")
                .contains(value.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Describes a call: the AGI() line of the dialplan, the channel, and how the caller behaves.
     * Not thread-safe, but {@link #connect()} only reads it, and every call gets its own copy of
     * the keypad and playback queues.
     */
    public static final class Builder {

        private final String host;
        private final int port;
        private String script;
        private final List<String> args = new ArrayList<>();
        private String channel;
        private String uniqueId;
        private String callerIdNumber;
        private String callerIdName;
        private boolean callerIdSet;
        private String language = "en";
        private String context = "default";
        private String extension = "s";
        private int priority = 1;
        private String accountCode = "";
        private String dnid;
        private final Map<String, String> variables = new LinkedHashMap<>();
        private final Map<String, String> envOverrides = new LinkedHashMap<>();
        private List<String> environmentLines;
        private byte[] environmentBytes;
        private final List<String> keypad = new ArrayList<>();
        private final List<String> playbackKeys = new ArrayList<>();
        private final List<String> missingSounds = new ArrayList<>();
        private boolean alreadyHungUp;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

        private Builder(String host, int port) {
            this.host = Objects.requireNonNull(host, "host");
            this.port = port;
        }

        /**
         * The part of the AGI URL after {@code host:port/}, query included (e.g.
         * {@code "ping?x=1"}): sent as agi_network_script and part of agi_request.
         */
        public Builder script(String script) {
            this.script = script;
            return this;
        }

        /** One more AGI() argument after the URL, sent as agi_arg_N. */
        public Builder arg(String value) {
            args.add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /** agi_channel, e.g. {@code "PJSIP/caller-00000001"}; agi_type is its part before '/'. */
        public Builder channel(String name) {
            this.channel = Objects.requireNonNull(name, "name");
            return this;
        }

        /** agi_uniqueid; by default a distinct {@code "<epoch>.<n>"} per call. */
        public Builder uniqueId(String uniqueId) {
            this.uniqueId = Objects.requireNonNull(uniqueId, "uniqueId");
            return this;
        }

        /**
         * The caller's number and name, sent raw: any characters the caller controls (quotes,
         * commas, {@code \r}...) arrive unchanged. Null or empty is sent as {@code unknown}.
         */
        public Builder callerId(String number, String name) {
            this.callerIdNumber = number;
            this.callerIdName = name;
            this.callerIdSet = true;
            return this;
        }

        public Builder language(String language) {
            this.language = Objects.requireNonNull(language, "language");
            return this;
        }

        public Builder context(String context) {
            this.context = Objects.requireNonNull(context, "context");
            return this;
        }

        public Builder extension(String extension) {
            this.extension = Objects.requireNonNull(extension, "extension");
            return this;
        }

        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        public Builder accountCode(String accountCode) {
            this.accountCode = Objects.requireNonNull(accountCode, "accountCode");
            return this;
        }

        /** The dialed number, agi_dnid; {@code unknown} by default. */
        public Builder dnid(String dnid) {
            this.dnid = dnid;
            return this;
        }

        /**
         * A channel variable set before AGI() runs. AGISIGHUP=no stops the HANGUP lines,
         * AGIEXITONHANGUP=yes makes Asterisk end the session when the channel hangs up. Functions
         * can be preset by name too, e.g. {@code variable("CALLERID(num)", "100")}.
         */
        public Builder variable(String name, String value) {
            variables.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets the raw value of one environment line ({@code key: value}); a known key keeps its
         * place, a new one goes last. A null value removes the line.
         */
        public Builder env(String key, String rawValue) {
            envOverrides.put(Objects.requireNonNull(key, "key"), rawValue);
            return this;
        }

        /** Sends these lines (each plus {@code \n}) and the empty line, instead of the environment. */
        public Builder environmentLines(List<String> lines) {
            this.environmentLines = List.copyOf(lines);
            return this;
        }

        /** Sends exactly these bytes instead of the environment block, terminator included. */
        public Builder environmentBytes(byte[] block) {
            this.environmentBytes = block.clone();
            return this;
        }

        /**
         * What the caller keys, one entry per GET DATA (or WAIT FOR DIGIT, which uses the first
         * key). Entries are keys pressed in order, as Asterisk reads them: {@code "#"} ends the
         * input and is dropped, reaching GET DATA's max digits ends it, anything else ends in a
         * timeout ({@code "12"} with max 4 gives {@code 200 result=12 (timeout)}). {@link #TIMEOUT}
         * is silence, {@link #CALLER_HANGS_UP} a hangup. When the queue is empty the caller is silent.
         */
        public Builder digits(String... answersForGetData) {
            keypad.addAll(Arrays.asList(answersForGetData));
            return this;
        }

        /**
         * What the caller keys during prompts, one entry per STREAM FILE, GET OPTION or CONTROL
         * STREAM FILE: a key among the command's escape digits interrupts it
         * ({@code 200 result=<ascii> endpos=...}), {@code ""} or {@link #TIMEOUT} lets it play out,
         * {@link #CALLER_HANGS_UP} hangs up during it. When the queue is empty prompts play out.
         */
        public Builder playbackKeys(String... perPrompt) {
            playbackKeys.addAll(Arrays.asList(perPrompt));
            return this;
        }

        /**
         * Sound files Asterisk cannot find: STREAM FILE answers {@code 200 result=-1 endpos=0} and
         * AGISTATUS becomes FAILURE, as in res_agi.c; GET DATA answers {@code 200 result=-1}.
         */
        public Builder missingSounds(String... files) {
            missingSounds.addAll(Arrays.asList(files));
            return this;
        }

        /**
         * The channel is already down when AGI() starts (h extension, hangup handler): commands
         * run in dead mode, no HANGUP line is sent until the end, AGISTATUS stays SUCCESS.
         */
        public Builder alreadyHungUp() {
            this.alreadyHungUp = true;
            return this;
        }

        /** How long to wait for the TCP connection; {@link #DEFAULT_CONNECT_TIMEOUT} by default. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Connects and writes the environment block.
         *
         * @throws AgiTimeoutError when the connection is not made within the connect timeout
         * @throws AssertionError  when it is refused or fails otherwise
         */
        public FastAgiCall connect() {
            long sequence = SEQUENCE.incrementAndGet();
            String id = uniqueId != null ? uniqueId : EPOCH_SECONDS + "." + sequence;
            String name = channel != null ? channel : String.format("PJSIP/caller-%08x", sequence);
            byte[] block = environmentBytes != null
                    ? environmentBytes.clone()
                    : encode(environmentLines != null ? environmentLines : generatedLines(id, name, sequence));
            SimulatedChannel simulated = new SimulatedChannel(name, variables, keypad, playbackKeys,
                    missingSounds, alreadyHungUp);
            Socket socket = new Socket();
            try {
                // 0 would mean "wait forever" to Socket.connect()
                int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
                socket.connect(new InetSocketAddress(host, port), millis);
                FastAgiCall call = new FastAgiCall(socket, id, name, simulated);
                synchronized (call) {
                    call.write(block);
                }
                return call;
            } catch (SocketTimeoutException e) {
                closeQuietly(socket);
                throw new AgiTimeoutError(String.format(
                        "call %s: no connection to the FastAGI server at %s within %s", id, hostAndPort(), connectTimeout));
            } catch (IOException e) {
                closeQuietly(socket);
                throw new AssertionError(String.format(
                        "call %s: cannot connect to the FastAGI server at %s: %s", id, hostAndPort(), e), e);
            }
        }

        /** The lines setup_env() writes, preceded by launch_netscript()'s two. */
        private List<String> generatedLines(String id, String name, long sequence) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("agi_network", "yes");
            if (script != null && !script.isEmpty()) {
                env.put("agi_network_script", script);
            }
            env.put("agi_request", "agi://" + hostAndPort() + (script == null ? "" : "/" + script));
            env.put("agi_channel", name);
            env.put("agi_language", language);
            env.put("agi_type", name.contains("/") ? name.substring(0, name.indexOf('/')) : name);
            env.put("agi_uniqueid", id);
            env.put("agi_version", ASTERISK_VERSION);
            env.put("agi_callerid", orUnknown(callerIdNumber));
            env.put("agi_calleridname", orUnknown(callerIdName));
            // ast_party_id_presentation(): allowed (0) once set, "number not available" (67) if not
            env.put("agi_callingpres", callerIdSet ? "0" : "67");
            env.put("agi_callingani2", "0");
            env.put("agi_callington", "0");
            env.put("agi_callingtns", "0");
            env.put("agi_dnid", orUnknown(dnid));
            env.put("agi_rdnis", "unknown");
            env.put("agi_context", context);
            env.put("agi_extension", extension);
            env.put("agi_priority", String.valueOf(priority));
            env.put("agi_enhanced", "0.0");
            env.put("agi_accountcode", accountCode);
            env.put("agi_threadid", String.valueOf(THREAD_ID_BASE + sequence));
            for (int i = 0; i < args.size(); i++) {
                env.put("agi_arg_" + (i + 1), args.get(i));
            }
            envOverrides.forEach((key, value) -> {
                if (value == null) {
                    env.remove(key);
                } else {
                    env.put(key, value);
                }
            });
            List<String> lines = new ArrayList<>();
            env.forEach((key, value) -> lines.add(key + ": " + value));
            return lines;
        }

        private String hostAndPort() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }

        private static String orUnknown(String value) {
            return value == null || value.isEmpty() ? "unknown" : value;
        }

        private static byte[] encode(List<String> lines) {
            ByteArrayOutputStream block = new ByteArrayOutputStream();
            for (String line : lines) {
                block.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
            block.write('\n');
            return block.toByteArray();
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // Nothing left to release.
            }
        }
    }
}
