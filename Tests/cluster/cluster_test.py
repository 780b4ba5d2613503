#!/usr/bin/env python3
"""The cluster test: two hosts, Litestream and HAProxy on loopback (deploy/local-cluster.sh), driven
as real users would through HAProxy. Run by .ci/run; Benchmarks/cluster.sh runs it with --report.

  1. move under writes: while comments are posted at a steady rate and pages are read, the demo
     commune moves from host a to b. Fails if a read fails, a change is refused for 5 s or more, a
     refused change was saved, or an acknowledged one was not; the pages must be identical after.
  2. a lost host: host b is killed (SIGKILL, data folder deleted) while comments are posted; the
     commune is recovered on host a from b's replicas. Fails if a lost comment had been acknowledged
     earlier than Litestream's sync interval (1 s) plus a second before the kill.
  3. point in time: comments are deleted by mistake; the commune is recovered to a time before, and
     they are back, on the page too.

  cluster_test.py [--binary PATH] [--port PORT] [--rate N] [--report] [--existing DIR] [--steps move,kill,pitr]
"""
import argparse, http.client, os, re, shutil, sqlite3, subprocess, sys, tempfile, threading, time, urllib.parse
from datetime import datetime, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT = os.path.join(ROOT, "deploy", "local-cluster.sh")
SYNC_INTERVAL = 1.0  # deploy/litestream.yml
PAGES = ["/tetouan/", "/tetouan/plans", "/tetouan/reports", "/tetouan-ieecag/", "/tetouan/plans/2"]
STABLE_PAGES = ["/tetouan/plans", "/tetouan/reports", "/tetouan-ieecag/", "/tetouan/reports/files/1"]  # comments do not change them; the last is an uploaded PDF


class Cluster:
    def __init__(self, binary, port, folder=None):
        self.existing = folder is not None
        self.folder = folder or tempfile.mkdtemp(prefix="opencommune-cluster-")
        self.env = dict(os.environ, OC_CLUSTER_DIR=self.folder, OC_CLUSTER_PORT=str(port), OPENCOMMUNE=binary)
        self.port = port

    def run(self, *arguments):
        started = time.monotonic()
        done = subprocess.run([SCRIPT, *arguments], env=self.env, capture_output=True, text=True, timeout=180)
        if done.returncode != 0:
            raise AssertionError(f"local-cluster.sh {' '.join(arguments)} exited {done.returncode}:\n{done.stdout}{done.stderr}")
        return done.stdout, time.monotonic() - started

    def up(self):
        if self.existing:
            return
        out, _ = self.run("up")
        urls = [line for line in out.splitlines() if re.fullmatch(r"http://127\.0\.0\.1:\d+", line)]
        assert urls == [f"http://127.0.0.1:{self.port}"], f"up printed {out!r}"

    def down(self):
        if self.existing:
            return
        subprocess.run([SCRIPT, "down"], env=self.env, capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)

    def status(self):
        out, _ = self.run("status")
        return dict(line.split() for line in out.splitlines())

    def database(self, host, slug="tetouan"):
        return os.path.join(self.folder, host, "data", slug, "tenant.sqlite")


def request(port, method, path, body=None, timeout=10):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"Sec-Fetch-Site": "same-origin"}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, path, urllib.parse.urlencode(body) if body else None, headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, {key.lower(): value for key, value in response.getheaders()}, data


class Load:
    """Comments posted at `rate` per second and pages read in a loop, both through HAProxy."""

    def __init__(self, port, rate, tag):
        self.port, self.rate, self.tag = port, rate, tag
        self.acknowledged = {}   # body -> time acknowledged
        self.refused = {}        # body -> time refused with 503 "nothing was saved"
        self.failed = []         # (time, what) for anything else
        self.read_failures = []
        self.reads = 0
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.write, daemon=True)] + [threading.Thread(target=self.read, daemon=True) for _ in range(2)]

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_):
        self.stopping.set()
        for thread in self.threads:
            thread.join()

    def write(self):
        start, number = time.monotonic(), 0
        while not self.stopping.is_set():
            wait = start + number / self.rate - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            body = f"cluster {self.tag} {number}"
            number += 1
            try:
                status, headers, data = request(self.port, "POST", "/tetouan/feedback",
                                                [("module", "plans"), ("item", "commitment:2"), ("kind", "comment"), ("body", body),
                                                 ("name", "Essai de grappe"), ("website", "")])
            except OSError as error:
                self.failed.append((time.monotonic(), f"{body}: {error}"))
                continue
            if status == 303:
                self.acknowledged[body] = time.monotonic()
            elif status == 503 and "enregistré" in data.decode() and headers.get("retry-after"):
                self.refused[body] = time.monotonic()
            else:
                self.failed.append((time.monotonic(), f"{body}: {status}"))

    def read(self):
        index = 0
        while not self.stopping.is_set():
            path = PAGES[index % len(PAGES)]
            index += 1
            try:
                status, _, _ = request(self.port, "GET", path)
            except OSError as error:
                status = str(error)
            if status == 200:
                self.reads += 1
            else:
                self.read_failures.append((time.monotonic(), path, status))


def stored_comments(database, tag):
    connection = sqlite3.connect(database, timeout=10)
    rows = {body for (body,) in connection.execute("SELECT body FROM feedback WHERE body LIKE ?", (f"cluster {tag} %",))}
    integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
    connection.close()
    return rows, integrity


def pages(port):
    return {path: request(port, "GET", path)[2] for path in STABLE_PAGES}


def move_under_writes(cluster, rate, figures):
    before = pages(cluster.port)
    with Load(cluster.port, rate, "move") as load:
        time.sleep(2)
        out, took = cluster.run("move", "tetouan", "b")
        time.sleep(2)
    assert cluster.status() == {"tetouan": "b", "tetouan-ieecag": "b"}, cluster.status()
    assert not load.read_failures, f"reads failed during the move: {load.read_failures[:5]}"
    assert not load.failed, f"changes failed otherwise than 503 'nothing was saved': {load.failed[:5]}"
    assert load.acknowledged, "no comment was acknowledged"
    refused_for = max(load.refused.values()) - min(load.refused.values()) if load.refused else 0.0
    assert refused_for < 5, f"changes were refused for {refused_for:.1f} s"
    stored, integrity = stored_comments(cluster.database("b"), "move")
    assert integrity == "ok", integrity
    lost = set(load.acknowledged) - stored
    saved_though_refused = set(load.refused) & stored
    assert not lost, f"{len(lost)} acknowledged comments are missing after the move: {sorted(lost)[:5]}"
    assert not saved_though_refused, f"refused comments were saved: {sorted(saved_though_refused)[:5]}"
    assert not os.path.exists(cluster.database("a")), "host a still has the commune's database in its data folder"
    after = pages(cluster.port)
    for path in STABLE_PAGES:
        assert before[path] == after[path], f"{path} differs after the move"
    portal = request(cluster.port, "GET", "/")[2].decode()
    assert 'href="/tetouan/"' in portal and 'href="/tetouan-ieecag/"' in portal, "the portal (host a) does not list the commune now on b"
    figures["move"] = dict(command_s=took, refused_s=refused_for, refused=len(load.refused), acknowledged=len(load.acknowledged),
                           reads=load.reads, said=out.strip())


def lost_host(cluster, rate, figures):
    with Load(cluster.port, rate, "kill") as load:
        time.sleep(3)
        killed_at = time.monotonic()
        cluster.run("kill", "b")
        out, took = cluster.run("recover", "tetouan", "a")
        while request(cluster.port, "GET", "/tetouan/plans")[0] != 200:
            time.sleep(0.05)
        served_at = time.monotonic()
        time.sleep(1)
    assert cluster.status() == {"tetouan": "a", "tetouan-ieecag": "a"}, cluster.status()
    stored, integrity = stored_comments(cluster.database("a"), "kill")
    assert integrity == "ok", integrity
    acknowledged_before = {body: at for body, at in load.acknowledged.items() if at < killed_at}
    lost = {body: killed_at - at for body, at in acknowledged_before.items() if body not in stored}
    oldest = max(lost.values(), default=0.0)
    assert oldest <= SYNC_INTERVAL + 1.0, f"a comment acknowledged {oldest:.2f} s before the kill was lost"
    after = {body for body, at in load.acknowledged.items() if at > served_at}
    assert after <= stored, "comments acknowledged after the recovery are missing"
    figures["kill"] = dict(serving_again_s=served_at - killed_at, recover_command_s=took, acknowledged=len(acknowledged_before),
                           lost=len(lost), oldest_lost_s=oldest, said=out.strip())


def point_in_time(cluster, figures):
    for number in range(3):
        status, _, _ = request(cluster.port, "POST", "/tetouan/feedback",
                               [("module", "plans"), ("item", "commitment:2"), ("kind", "comment"), ("body", f"cluster keep {number}"),
                                ("name", "Essai de grappe"), ("website", "")])
        assert status == 303, status
    time.sleep(SYNC_INTERVAL + 1)
    moment = datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    time.sleep(1)
    # the mistake: every comment on commitment 2 deleted, by a tool that is not the platform
    connection = sqlite3.connect(cluster.database("a"), timeout=10)
    connection.execute("DELETE FROM feedback WHERE item = 'commitment:2'")
    connection.commit()
    connection.close()
    time.sleep(SYNC_INTERVAL + 1)
    assert not stored_comments(cluster.database("a"), "keep")[0]
    _, took = cluster.run("recover", "tetouan", "a", moment)
    stored, integrity = stored_comments(cluster.database("a"), "keep")
    assert integrity == "ok", integrity
    assert stored == {f"cluster keep {n}" for n in range(3)}, f"after recovering to {moment}: {stored}"
    status, _, page = request(cluster.port, "GET", "/tetouan/plans/2")
    assert status == 200 and "cluster keep 2" in page.decode(), "the commitment's page does not show the recovered comments"
    figures["pitr"] = dict(recover_command_s=took)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "opencommune"))
    parser.add_argument("--port", type=int, default=18180)
    parser.add_argument("--rate", type=float, default=20.0, help="comments per second")
    parser.add_argument("--report", action="store_true", help="print the figures as key=value lines")
    parser.add_argument("--existing", metavar="DIR", help="use the cluster already running in DIR (OC_CLUSTER_DIR) on --port")
    parser.add_argument("--steps", default="move,kill,pitr", help="which steps to run, in order (default: move,kill,pitr)")
    arguments = parser.parse_args()
    cluster = Cluster(os.path.abspath(arguments.binary), arguments.port, arguments.existing)
    figures = {}
    steps = {"move": ("move under writes", lambda: move_under_writes(cluster, arguments.rate, figures)),
             "kill": ("lost host", lambda: lost_host(cluster, arguments.rate, figures)),
             "pitr": ("point in time", lambda: point_in_time(cluster, figures))}
    try:
        cluster.up()
        for name, step in [steps[key] for key in arguments.steps.split(",")]:
            started = time.monotonic()
            step()
            print(f"ok   {name} ({time.monotonic() - started:.1f} s)", flush=True)
    except AssertionError as error:
        print(f"FAIL {error}", file=sys.stderr)
        for host in ("a", "b"):
            for log in ("serve.log", "litestream.log"):
                path = os.path.join(cluster.folder, host, log)
                if os.path.exists(path):
                    print(f"--- {host}/{log} (end)", file=sys.stderr)
                    print("".join(open(path, errors="replace").readlines()[-15:]), file=sys.stderr)
        return 1
    finally:
        cluster.down()
    if arguments.report:
        for step, values in figures.items():
            for key, value in values.items():
                print(f"{step}.{key}={value:.3f}" if isinstance(value, float) else f"{step}.{key}={value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
