#!/usr/bin/env python3
"""Comments posted while pages are read, for Benchmarks/run.sh.

  comments.py steady BASE RATE SECONDS   posts RATE comments per second on commitment 2 for SECONDS;
                                         prints how many were acknowledged (303) and how many not
  comments.py renders BASE PATH COUNT    COUNT times: posts a comment on commitment 1, then times one
                                         read of PATH: its first rendering after that change; prints
                                         the p50 and p90 in milliseconds

Each comment comes from a new visitor, as writes.py's do (anonymous, guarded by Fetch Metadata).
"""
import http.client, os, sys, time, urllib.parse

# the same text twice from one visitor is refused as a repeat: every run writes its own
RUN = os.urandom(4).hex()


def connect(base):
    url = urllib.parse.urlsplit(base)
    return http.client.HTTPConnection(url.hostname, url.port, timeout=10), url.path


def post(base, path, fields):
    connection, root = connect(base)
    connection.request("POST", root + path, urllib.parse.urlencode(fields),
                       {"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin"})
    status = connection.getresponse().status
    connection.close()
    return status


def comment(base, number, item):
    return post(base, "/feedback", [("module", "plans"), ("item", item), ("kind", "comment"), ("body", f"lecture sous écriture {RUN}-{number}"),
                                    ("name", "Banc d'essai"), ("website", "")])


def steady(base, rate, seconds):
    acknowledged = refused = 0
    start = time.monotonic()
    for number in range(int(rate * seconds)):
        wait = start + number / rate - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        if comment(base, number, "commitment:2") == 303:
            acknowledged += 1
        else:
            refused += 1
    print(acknowledged, refused)


def renders(base, path, count):
    timings = []
    for number in range(count):
        if comment(base, number, "commitment:1") != 303:
            sys.exit("a comment was refused")
        connection, root = connect(base)
        started = time.perf_counter()
        connection.request("GET", root + path)
        response = connection.getresponse()
        response.read()
        timings.append((time.perf_counter() - started) * 1000)
        connection.close()
        if response.status != 200:
            sys.exit(f"{path} answered {response.status}")
    timings.sort()
    print(f"{timings[len(timings) // 2]:.2f}ms {timings[int(len(timings) * 0.9)]:.2f}ms")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "steady":
        steady(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]))
    elif len(sys.argv) == 5 and sys.argv[1] == "renders":
        renders(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        sys.exit(__doc__)
