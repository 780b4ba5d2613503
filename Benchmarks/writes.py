#!/usr/bin/env python3
"""Write path under load, and what a crash does to it.

Serves the demo from a temporary data directory (release build), then posts comments on a commitment
and answers to the demo consultation from many concurrent clients, each a different visitor, and
records every acknowledged write (303 with its receipt). Then it checks that the number stored equals
the number acknowledged. With --kill (SIGKILL) or --term (SIGTERM, a graceful stop), it stops the
server in the middle of the load, restarts it, and checks that every acknowledged write survived,
that no request got a server error, that PRAGMA integrity_check is ok on every tenant database, and
that the server serves again.

Usage: python3 Benchmarks/writes.py [--seconds 8] [--clients 32] [--kill | --term]
Needs: swift, sqlite3 (apt-get install -y sqlite3).
"""
import argparse, http.client, os, shutil, signal, sqlite3, subprocess, sys, tempfile, threading, time, urllib.parse, urllib.request

PORT = 18097
ROOT = "/tetouan"


def post(connection, path, fields):
    body = urllib.parse.urlencode(fields)
    connection.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin"})
    response = connection.getresponse()
    response.read()
    return response.status, response.getheader("Location") or ""


def worker(number, stop, acknowledged, lock, counts):
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
    n = 0
    while not stop.is_set():
        n += 1
        try:
            if n % 2:
                status, location = post(connection, ROOT + "/feedback", [("module", "plans"), ("item", "commitment:2"), ("kind", "comment"),
                                                                         ("body", f"charge {number}-{n}"), ("name", f"Client {number}"), ("website", "")])
                kind = "comment"
            else:
                connection.close()  # a new visitor: no respondent cookie
                connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
                status, location = post(connection, ROOT + "/consultations/1/answer",
                                        [("q2-1", "1"), ("q2-2", "2"), ("q2-3", "3"), ("q4", str(1 + n % 5)), ("q7", f"réponse {number}-{n}")])
                kind = "answer"
        except (OSError, http.client.HTTPException):
            if stop.is_set():
                return
            time.sleep(0.05)
            connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
            continue
        with lock:
            counts[status] = counts.get(status, 0) + 1
            if status == 303:
                acknowledged.append((kind, location))


def stored(data):
    database = sqlite3.connect(os.path.join(data, "tetouan", "tenant.sqlite"))
    comments = database.execute("SELECT COUNT(*) FROM feedback WHERE body LIKE 'charge %'").fetchone()[0]
    answers = database.execute("SELECT COUNT(*) FROM consultation_response").fetchone()[0]
    receipts = {row[0] for row in database.execute("SELECT receipt FROM consultation_response")}
    ids = {row[0] for row in database.execute("SELECT id FROM feedback WHERE body LIKE 'charge %'")}
    database.close()
    return comments, answers, receipts, ids


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--kill", action="store_true", help="SIGKILL the server halfway, restart, verify")
    parser.add_argument("--term", action="store_true", help="SIGTERM the server halfway (graceful stop), restart, verify")
    args = parser.parse_args()
    stopping = signal.SIGKILL if args.kill else (signal.SIGTERM if args.term else None)
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    subprocess.run(["swift", "build", "-c", "release", "--product", "opencommune"], check=True, stdout=subprocess.DEVNULL)
    work = tempfile.mkdtemp(prefix="opencommune-writes-")
    data = os.path.join(work, "data")
    config = os.path.join(work, "opencommune.toml")
    # the load comes from one address: lift the per-address limits for the measurement
    open(config, "w").write("[limits]\ncitizen_posts_per_hour = 100000000\napi_requests_per_minute = 100000000\n")
    env = dict(os.environ, OPENCOMMUNE_DATA_DIR=data)
    binary = ".build/release/opencommune"
    env_config = [binary, "serve", "--config", config]
    server = subprocess.Popen(env_config + ["--port", str(PORT)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/readyz", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    failures = []
    try:
        stop, lock, acknowledged, counts = threading.Event(), threading.Lock(), [], {}
        threads = [threading.Thread(target=worker, args=(i, stop, acknowledged, lock, counts)) for i in range(args.clients)]
        started = time.time()
        for thread in threads:
            thread.start()
        if stopping:
            time.sleep(args.seconds / 2)
            server.send_signal(stopping)
            code = server.wait(timeout=30)
            killed_at = time.time()
            print(f"server stopped by {signal.Signals(stopping).name}, exit code {code}")
            if stopping == signal.SIGTERM and code != 0:
                failures.append(f"graceful stop exited with {code}")
            time.sleep(0.5)
        else:
            time.sleep(args.seconds)
        stop.set()
        for thread in threads:
            thread.join()
        elapsed = (killed_at if stopping else time.time()) - started
        with lock:
            comments_ack = [loc for kind, loc in acknowledged if kind == "comment"]
            answers_ack = [loc for kind, loc in acknowledged if kind == "answer"]
        print(f"clients {args.clients}, {elapsed:.1f} s: {len(acknowledged)} writes acknowledged ({len(acknowledged) / elapsed:.0f}/s): "
              f"{len(comments_ack)} comments, {len(answers_ack)} answers; statuses {dict(sorted(counts.items()))}")
        if any(status >= 500 for status in counts):
            failures.append(f"server errors: {counts}")
        if stopping:
            server = subprocess.Popen(env_config + ["--port", str(PORT)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(300):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{PORT}/readyz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                failures.append("the server did not come back after SIGKILL")
        comments, answers, receipts, ids = stored(data)
        acknowledged_ids = {int(loc.split("/feedback/")[1].split("?")[0]) for loc in comments_ack}
        acknowledged_receipts = {loc.rsplit("/", 1)[1] for loc in answers_ack}
        missing = len(acknowledged_ids - ids) + len(acknowledged_receipts - receipts)
        print(f"stored: {comments} comments, {answers} answers; acknowledged but missing: {missing}")
        if missing:
            failures.append(f"{missing} acknowledged writes are missing")
        if not stopping and (comments != len(comments_ack) or answers != len(answers_ack)):
            failures.append("stored and acknowledged counts differ")
        for slug in sorted(os.listdir(data)):
            path = os.path.join(data, slug, "tenant.sqlite")
            if os.path.exists(path):
                result = sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0]
                print(f"integrity_check {slug}: {result}")
                if result != "ok":
                    failures.append(f"{slug} integrity: {result}")
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{ROOT}/plans/2", timeout=5) as response:
            print(f"after the run, {ROOT}/plans/2 answers {response.status}")
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    print("writes: " + ("FAILED: " + "; ".join(failures) if failures else "ok"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
