/*
 * The FastAGI load generator of `./callscore bench`: plays Asterisk's side of FastAGI (res_agi.c) for many
 * calls at once, in one thread with epoll, so that it costs the machine little and costs both servers the same.
 * Each call connects, writes the environment block as Asterisk 22 does (launch_netscript() and setup_env(),
 * then the blank line), answers every command line with "200 result=...", and ends when the server closes.
 *
 *   agi-load PORT closed CALLERS SECONDS   CALLERS calls in flight at all times, for SECONDS
 *   agi-load PORT held CALLS               CALLS calls at once, each held at its first command until all have theirs
 *   agi-load PORT rate PER_SECOND SECONDS  a new call every 1/PER_SECOND s, whatever the server's pace
 *
 * Prints one line: sessions, ok, bad, seconds, per_second, p50_ms, p99_ms, max_ms (and held_seconds).
 * A session is ok when the server sent exactly the commands a ping-like script sends (EXPECTED_COMMANDS:
 * ANSWER, two SET VARIABLE, and the library's SET VARIABLE AJ_AGISTATUS), no FAILURE, then closed.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define EXPECTED_COMMANDS 4
#define BUFFER 4096

typedef struct {
    int fd;
    int used;            /* bytes in buf */
    int commands;        /* command lines received */
    int failed;          /* a FAILURE line, or a command not of ping */
    int held;            /* waiting at its first command for the release */
    double started;
    char buf[BUFFER];
} call_t;

static int port;
static long sequence;
static double *latencies;
static long finished, ok, bad, capacity;
static int epfd;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void die(const char *what) {
    perror(what);
    exit(2);
}

static int environment(char *out, size_t size, long n) {
    return snprintf(out, size,
        "agi_network: yes\n"
        "agi_network_script: ping\n"
        "agi_request: agi://127.0.0.1:%d/ping\n"
        "agi_channel: PJSIP/caller-%08lx\n"
        "agi_language: en\n"
        "agi_type: PJSIP\n"
        "agi_uniqueid: 1764633600.%ld\n"
        "agi_version: 22.10.1\n"
        "agi_callerid: unknown\n"
        "agi_calleridname: unknown\n"
        "agi_callingpres: 67\n"
        "agi_callingani2: 0\n"
        "agi_callington: 0\n"
        "agi_callingtns: 0\n"
        "agi_dnid: unknown\n"
        "agi_rdnis: unknown\n"
        "agi_context: default\n"
        "agi_extension: s\n"
        "agi_priority: 1\n"
        "agi_enhanced: 0.0\n"
        "agi_accountcode: \n"
        "agi_threadid: %ld\n"
        "\n", port, n, n, 139637976893120L + n);
}

static void send_all(call_t *c, const char *text, size_t length) {
    while (length > 0) {
        ssize_t n = write(c->fd, text, length);
        if (n < 0) {
            if (errno == EINTR) continue;
            c->failed = 1; /* ast_agi_send() ignores failed writes; the read then ends the call */
            return;
        }
        text += n;
        length -= (size_t) n;
    }
}

static call_t *start_call(void) {
    call_t *c = calloc(1, sizeof(call_t));
    if (!c) die("calloc");
    c->started = now();
    c->fd = socket(AF_INET, SOCK_STREAM, 0);
    if (c->fd < 0) die("socket");
    struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(port) };
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    /* a blocking connect, as ast_connect() waits for it; on loopback it is immediate */
    if (connect(c->fd, (struct sockaddr *) &to, sizeof to) < 0) die("connect");
    int one = 1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    char env[1024];
    int length = environment(env, sizeof env, ++sequence);
    send_all(c, env, (size_t) length);
    fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK);
    struct epoll_event e = { .events = EPOLLIN, .data.ptr = c };
    if (epoll_ctl(epfd, EPOLL_CTL_ADD, c->fd, &e) < 0) die("epoll_ctl");
    return c;
}

static void end_call(call_t *c) {
    if (finished == capacity) {
        capacity = capacity ? capacity * 2 : 65536;
        latencies = realloc(latencies, capacity * sizeof(double));
        if (!latencies) die("realloc");
    }
    latencies[finished++] = (now() - c->started) * 1000;
    if (!c->failed && c->commands == EXPECTED_COMMANDS) ok++; else bad++;
    close(c->fd);
    free(c);
}

static void reply(call_t *c, const char *line) {
    if (strncasecmp(line, "FAILURE", 7) == 0) {
        c->failed = 1;
        return;
    }
    if (strncmp(line, "ANSWER", 6) == 0) {
        send_all(c, "200 result=0\n", 13);
    } else if (strncmp(line, "SET VARIABLE ", 13) == 0) {
        send_all(c, "200 result=1\n", 13);
    } else {
        c->failed = 1;
        send_all(c, "510 Invalid or unknown command\n", 31);
    }
}

/* Reads what the server sent; returns 1 when the call is over (the server closed). */
static int on_readable(call_t *c, int hold) {
    while (1) {
        ssize_t n = read(c->fd, c->buf + c->used, sizeof c->buf - 1 - (size_t) c->used);
        if (n == 0) return 1;
        if (n < 0) {
            if (errno == EAGAIN) return 0;
            if (errno == EINTR) continue;
            return 1; /* reset: the call is over */
        }
        c->used += (int) n;
        char *line = c->buf, *newline;
        while (!c->held && (newline = memchr(line, '\n', (size_t) (c->buf + c->used - line))) != NULL) {
            *newline = '\0';
            c->commands++;
            if (hold && c->commands == 1) {
                *newline = '\n'; /* answered on release */
                c->held = 1;
                memmove(c->buf, line, (size_t) (c->buf + c->used - line)); /* the held command stays first */
                c->used -= (int) (line - c->buf);
                return 0;
            }
            reply(c, line);
            line = newline + 1;
        }
        if (!c->held) {
            c->used -= (int) (line - c->buf);
            memmove(c->buf, line, (size_t) c->used);
        }
        if (c->used >= BUFFER - 1) {
            c->failed = 1;
            return 1;
        }
    }
}

static void release(call_t *c) {
    c->held = 0;
    char *line = c->buf, *newline;
    while ((newline = memchr(line, '\n', (size_t) (c->buf + c->used - line))) != NULL) {
        *newline = '\0';
        if (line != c->buf) c->commands++; /* the first was counted when it was held */
        reply(c, line);
        line = newline + 1;
    }
    c->used -= (int) (line - c->buf);
    memmove(c->buf, line, (size_t) c->used);
}

static int compare(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

static double quantile(double q) {
    if (finished == 0) return 0;
    long i = (long) (finished * q);
    return latencies[i >= finished ? finished - 1 : i];
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: agi-load PORT closed CALLERS SECONDS | held CALLS | rate PER_SECOND SECONDS\n");
        return 2;
    }
    port = atoi(argv[1]);
    const char *mode = argv[2];
    long callers = atol(argv[3]);
    double seconds = argc > 4 ? atof(argv[4]) : 0;
    int hold = strcmp(mode, "held") == 0, paced = strcmp(mode, "rate") == 0;
    epfd = epoll_create1(0);
    if (epfd < 0) die("epoll_create1");

    double begin = now(), stop = begin + seconds, held_at = 0, next_start = begin;
    long in_flight = 0;
    if (hold) {
        for (long i = 0; i < callers; i++, in_flight++) start_call();
    } else if (!paced) {
        for (long i = 0; i < callers; i++, in_flight++) start_call();
    }
    call_t **held = hold ? calloc((size_t) callers, sizeof(call_t *)) : NULL;
    long held_count = 0;
    struct epoll_event events[256];
    while (1) {
        double t = now();
        if (paced) {
            while (t < stop && next_start <= t) {
                start_call();
                in_flight++;
                next_start += 1.0 / (double) callers;
            }
            if (t >= stop && in_flight == 0) break;
        } else if (in_flight == 0) {
            break;
        }
        int timeout = paced && t < stop ? (int) ((next_start - t) * 1000) + 1 : 1000;
        int n = epoll_wait(epfd, events, 256, timeout);
        if (n < 0 && errno != EINTR) die("epoll_wait");
        for (int i = 0; i < n; i++) {
            call_t *c = events[i].data.ptr;
            int was_held = c->held;
            if (on_readable(c, hold && held_at == 0)) {
                end_call(c);
                in_flight--;
                if (!hold && !paced && now() < stop) {
                    start_call();
                    in_flight++;
                }
            } else if (c->held && !was_held) {
                held[held_count++] = c;
            }
        }
        if (hold && held_at == 0 && held_count == callers) {
            held_at = now();
            for (long i = 0; i < held_count; i++) release(held[i]);
        }
    }
    double elapsed = now() - begin;
    qsort(latencies, (size_t) finished, sizeof(double), compare);
    printf("sessions=%ld ok=%ld bad=%ld seconds=%.3f per_second=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f"
           " held_seconds=%.3f\n", finished, ok, bad, elapsed, finished / elapsed, quantile(0.50), quantile(0.99),
           finished ? latencies[finished - 1] : 0.0, held_at ? held_at - begin : 0.0);
    return bad == 0 ? 0 : 1;
}
