#!/usr/bin/env python3
"""Scale: 1,000 tenants on one host.

Creates N tenants with the CLI (release build, temporary data directory), starts the server, opens
every tenant's home once (the first request of a cold tenant opens and migrates nothing new: it opens
its database), then requests a random subset repeatedly. Reports the cold first-request latency,
the warm throughput, the server's resident memory and open file descriptors.

Usage: python3 Benchmarks/tenants.py [--tenants 1000] [--seconds 5]
"""
import argparse, concurrent.futures, os, random, shutil, statistics, subprocess, sys, tempfile, threading, time, urllib.request

PORT = 18098


def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0


def get(path):
    started = time.perf_counter()
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=10) as response:
        response.read()
        status = response.status
    return status, (time.perf_counter() - started) * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tenants", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=5)
    args = parser.parse_args()
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    subprocess.run(["swift", "build", "-c", "release", "--product", "opencommune"], check=True, stdout=subprocess.DEVNULL)
    binary = ".build/release/opencommune"
    work = tempfile.mkdtemp(prefix="opencommune-tenants-")
    data = os.path.join(work, "data")
    env = dict(os.environ, OPENCOMMUNE_DATA_DIR=data)
    slugs = [f"scale-{n:04d}" for n in range(1, args.tenants + 1)]
    started = time.time()

    def create(slug):
        subprocess.run([binary, "tenant", "create", slug, "--name", f"Commune {slug}"], env=env, check=True, stdout=subprocess.DEVNULL)

    subprocess.run([binary, "tenant", "list"], env=env, check=True, stdout=subprocess.DEVNULL)  # makes platform.sqlite first
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(create, slugs))
    print(f"created {len(slugs)} tenants in {time.time() - started:.0f} s")
    server = subprocess.Popen([binary, "serve", "--port", str(PORT)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                get("/readyz")
                break
            except OSError:
                time.sleep(0.1)
        print(f"idle server: {rss_mb(server.pid):.0f} MB resident, {len(os.listdir(f'/proc/{server.pid}/fd'))} open files")
        cold = []
        for slug in slugs:
            status, ms = get(f"/{slug}/")
            assert status == 200, slug
            cold.append(ms)
        cold.sort()
        print(f"first request of each tenant (cold): p50 {statistics.median(cold):.1f} ms, p99 {cold[int(len(cold) * 0.99) - 1]:.1f} ms, "
              f"max {cold[-1]:.1f} ms")
        print(f"after touching all: {rss_mb(server.pid):.0f} MB resident, {len(os.listdir(f'/proc/{server.pid}/fd'))} open files")
        subset = random.sample(slugs, min(50, len(slugs)))
        stop, count, lock = threading.Event(), [0], threading.Lock()

        def hammer():
            while not stop.is_set():
                get(f"/{random.choice(subset)}/")
                with lock:
                    count[0] += 1

        threads = [threading.Thread(target=hammer) for _ in range(8)]
        for thread in threads:
            thread.start()
        time.sleep(args.seconds)
        stop.set()
        for thread in threads:
            thread.join()
        print(f"random subset of {len(subset)} tenants, 8 clients: {count[0] / args.seconds:.0f} req/s; "
              f"{rss_mb(server.pid):.0f} MB resident, {len(os.listdir(f'/proc/{server.pid}/fd'))} open files")
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
