#!/usr/bin/env python3
"""OGC API - Features benchmark (see README, "Benchmarks").

Starts the service (-Xmx64m) on its own embedded PostGIS, creates 100 000 points and 1 000 lines as
collections, and measures, at concurrency 8 on loopback:
  - items?limit=100 and limit=1000: first page, pages spread over the collection (keyset cursors), with bbox;
    wrk against the service, and pgbench (-M prepared) running the very SQL the service runs (captured from
    the service's own SQL log) straight against PostgreSQL: the ceiling;
  - the whole collection fetched by following next links (limit 10 000) against psql \\copy of the same query;
  - a 100 000-feature page, alone and 8 at once, under -Xmx64m (the heap stays flat: rows stream).
With --serve-only CMD: start the service with the seed data only, run CMD BASE_URL PSQL_CONNINFO, stop.
"""
import base64, json, os, random, re, shutil, signal, statistics, subprocess, sys, tempfile, time, urllib.request

PORT = int(os.environ.get("BENCH_PORT", "18080"))
DB_PORT = int(os.environ.get("BENCH_DB_PORT", "54399"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "15"))
BASE = f"http://127.0.0.1:{PORT}"
CONNINFO = f"host=127.0.0.1 port={DB_PORT} user=postgres dbname=corridor"
OUT = "target/bench"
JAR = "target/corridor-gis.jar"
DATA = "var/bench-postgis"


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw).stdout


def psql(sql):
    return sh(["psql", CONNINFO, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", "-c", sql])


class Service:
    def __init__(self, heap, extra_args=(), log="service.log", data=DATA):
        self.log_path = os.path.join(OUT, log)
        args = ["timeout", "3600", "java", f"-Xmx{heap}", "-XX:+UseSerialGC", "-jar", JAR,
                "--server.address=127.0.0.1", f"--server.port={PORT}",
                f"--corridor.database.embedded.data-dir={data}",
                f"--corridor.database.embedded.port={DB_PORT}",
                "--corridor.features.max-limit=100000", "--corridor.catalog.refresh=1s",
                "--logging.level.org.corridorgis=WARN", *extra_args]
        self.proc = subprocess.Popen(args, stdout=open(self.log_path, "w"), stderr=subprocess.STDOUT,
                                     start_new_session=True)
        deadline = time.time() + 180
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(BASE + "/actuator/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except Exception:
                if self.proc.poll() is not None:
                    sys.exit("the service did not start; see " + self.log_path)
                time.sleep(0.5)
        self.stop()
        sys.exit("the service did not answer within 180 s; see " + self.log_path)

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)

    def java_pid(self):
        for pid in sh(["pgrep", "-s", str(self.proc.pid)]).split():
            if open(f"/proc/{pid}/comm").read().strip() == "java":
                return int(pid)
        raise RuntimeError("no java process in the service's session")


def get(path):
    with urllib.request.urlopen(BASE + path, timeout=300) as r:
        return r.read()


def cursor(after_id):
    raw = json.dumps({"s": "", "v": [str(after_id)], "i": False}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def capture_sql():
    """Runs one request of each kind with the service's SQL log on and returns the statements it ran."""
    svc = Service("256m", ["--logging.level.org.corridorgis.features.sql=DEBUG"], log="capture.log")
    try:
        print("creating 100 000 points and 1 000 lines ...", flush=True)
        t = time.time()
        sh(["psql", CONNINFO, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", "src/bench/features-bench.sql"])
        print(f"  done in {time.time() - t:.1f} s", flush=True)
        time.sleep(1.5)  # the catalogue is re-read every second in this run
        get("/collections/bench-points/items?limit=100")
        get("/collections/bench-points/items?limit=100&cursor=" + cursor(50000))
        get("/collections/bench-points/items?limit=100&bbox=45,39,45.5,39.5")
    finally:
        svc.stop()
    lines = [l for l in open(svc.log_path) if "page SQL:" in l or "count SQL:" in l]
    found = {}
    for l in lines:
        kind = "page" if "page SQL:" in l else "count"
        sql, params = re.search(r"SQL: (.*) \| params: \[(.*)\]$", l.strip()).groups()
        found.setdefault(kind, []).append((sql, params))
    return found


def pgbench_script(page_sql, count_sql, variables, page_values, count_values):
    """The service's statements with its ? placeholders as pgbench variables."""
    def fill(sql, values):
        parts = sql.split("?")
        assert len(parts) == len(values) + 1, (sql, values)
        return "".join(p + (values[i] if i < len(values) else "") for i, p in enumerate(parts))
    text = "".join(f"\\set {k} {v}\n" for k, v in variables.items())
    text += "BEGIN;\n"
    text += "SELECT set_config('statement_timeout', '30000', true);\n"
    text += fill(count_sql, count_values) + ";\n"
    text += fill(page_sql, page_values) + ";\n"
    text += "COMMIT;\n"
    return text


def run_pgbench(script, name):
    path = os.path.join(OUT, name + ".pgbench.sql")
    open(path, "w").write(script)
    logdir = tempfile.mkdtemp()
    # The service's connections run with jit off (see application.yml); so do the ceiling's.
    out = sh(["env", "PGOPTIONS=-c jit=off", "pgbench", "-n", "-M", "prepared", "-c", "8", "-j", "2", "-T", str(SECONDS), "-f", path,
              "-l", "--log-prefix", os.path.join(logdir, "pgb"), "-h", "127.0.0.1", "-p", str(DB_PORT),
              "-U", "postgres", "corridor"])
    tps = float(re.search(r"tps = ([\d.]+)", out).group(1))
    lat = []
    for f in os.listdir(logdir):
        for line in open(os.path.join(logdir, f)):
            lat.append(int(line.split()[2]) / 1000.0)
    shutil.rmtree(logdir)
    lat.sort()
    return tps, pct(lat, 50), pct(lat, 99)


def pct(values, p):
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(len(values) * p / 100))]


def run_wrk(urls, name):
    urls_file = os.path.join(OUT, name + ".urls")
    with open(urls_file, "w") as f:
        for u in urls:
            f.write(u + "\n")
    lua = os.path.join(OUT, name + ".lua")
    open(lua, "w").write(f"""
local paths = {{}}
for line in io.lines("{urls_file}") do paths[#paths + 1] = line end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1], {{["Accept"] = "application/geo+json"}})
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %f %f %f %d %d\\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status, summary.errors.read + summary.errors.timeout))
end
""")
    out = sh(["wrk", "-t2", "-c8", f"-d{SECONDS}s", "--timeout", "60s", "-s", lua, BASE])
    rps, p50, p99, bad_status, bad_io = re.search(r"RESULT (\S+) (\S+) (\S+) (\d+) (\d+)", out).groups()
    if int(bad_status) or int(bad_io):
        sys.exit(f"{name}: {bad_status} non-2xx answers, {bad_io} read errors/timeouts")
    return float(rps), float(p50), float(p99)


def mean_returned(urls):
    sample = urls[:20]
    return statistics.mean(json.loads(get(u))["numberReturned"] for u in sample)


def main():
    if not os.path.exists(JAR):
        sys.exit("build first: ./mvnw -q -DskipTests package (./corridor bench does)")
    os.makedirs(OUT, exist_ok=True)
    random.seed(7)
    sql = capture_sql()
    first_page, cursor_page, bbox_page = sql["page"][:3]
    count_all, _, count_bbox = sql["count"][:3]

    svc = Service("64m", log="service.log")
    rows = []
    try:
        for limit in (100, 1000):
            scenarios = {
                "first page": ([f"/collections/bench-points/items?limit={limit}"] ,
                               pgbench_script(first_page[0], count_all[0], {}, [str(limit + 1)], [])),
                "spread pages": ([f"/collections/bench-points/items?limit={limit}&cursor={cursor(random.randint(1, 99000))}"
                                  for _ in range(2000)],
                                 pgbench_script(cursor_page[0], count_all[0], {"n": "random(1, 99000)"},
                                                ["cast(:n as text)", str(limit + 1)], [])),
            }
            boxes = []
            for _ in range(2000):
                x, y = 42.5 + random.random() * 7.5, 37.0 + random.random() * 4.5
                boxes.append((x, y, x + 1.0, y + 1.0))
            scenarios["with bbox"] = (
                [f"/collections/bench-points/items?limit={limit}&bbox={b[0]:.4f},{b[1]:.4f},{b[2]:.4f},{b[3]:.4f}" for b in boxes],
                pgbench_script(bbox_page[0], count_bbox[0],
                               {"x": "42.5 + random(0, 7500) / 1000.0", "y": "37.0 + random(0, 4500) / 1000.0",
                                "x2": ":x + 1.0", "y2": ":y + 1.0"},
                               [":x", ":y", ":x2", ":y2"] * 2 + [str(limit + 1)], [":x", ":y", ":x2", ":y2"] * 2))
            for label, (urls, script) in scenarios.items():
                name = f"limit{limit}-{label.replace(' ', '-')}"
                per_page = mean_returned(urls)
                rps, p50, p99 = run_wrk(urls, name)
                tps, cp50, cp99 = run_pgbench(script, name)
                rows.append((f"limit={limit}, {label}", per_page, rps, p50, p99, tps, cp50, cp99))
                print(f"limit={limit:<5} {label:<13} service {rps:8.1f} req/s {rps * per_page:10.0f} features/s "
                      f"p50 {p50:7.1f} ms p99 {p99:7.1f} ms | ceiling {tps:8.1f} req/s p50 {cp50:7.1f} ms "
                      f"p99 {cp99:7.1f} ms | ratio {rps / tps:4.2f}", flush=True)

        # Deep pages: a keyset cursor against OFFSET, one request at a time.
        def median_ms(path, n=20):
            times = []
            for _ in range(n):
                t = time.time()
                get(path)
                times.append((time.time() - t) * 1000)
            return statistics.median(times)
        first = median_ms("/collections/bench-points/items?limit=100")
        deep_cursor = median_ms("/collections/bench-points/items?limit=100&cursor=" + cursor(90000))
        deep_offset = median_ms("/collections/bench-points/items?limit=100&offset=90000")
        print(f"deep page (100 features after row 90 000): cursor {deep_cursor:.1f} ms, offset {deep_offset:.1f} ms, "
              f"first page {first:.1f} ms (medians of 20)", flush=True)

        # The whole collection: next links at limit 10 000 against \copy of the same query.
        # The client reads each page's bytes and takes numberReturned and the next link from its tail (they
        # follow the features), as psql's \copy writes rows without parsing them.
        t = time.time()
        href, n, pages = "/collections/bench-points/items?limit=10000", 0, 0
        while href:
            body = get(href.replace(BASE, ""))
            tail = body[-4096:].decode()
            n += int(re.search(r'"numberReturned":(\d+)', tail).group(1))
            pages += 1
            m = re.search(r'\{"href":"([^"]+)","rel":"next"', tail)
            href = m.group(1) if m else None
        walk = time.time() - t
        whole = re.sub(r" limit \?.*$", "", first_page[0])
        t = time.time()
        sh(["env", "PGOPTIONS=-c jit=off", "psql", CONNINFO, "-X", "-q", "-c", f"\\copy ({whole}) to '/dev/null'"])
        copy = time.time() - t
        print(f"whole collection: {n} features in {pages} pages by next links {walk:.2f} s | psql \\copy {copy:.2f} s "
              f"| ratio {walk / copy:.2f}", flush=True)

        # Heap: one 100 000-feature page, then 8 at once, under -Xmx64m.
        pid = svc.java_pid()
        big = "/collections/bench-points/items?limit=100000"
        t = time.time()
        size = len(get(big))
        one = time.time() - t
        procs = [subprocess.Popen(["curl", "-sf", "-o", "/dev/null", "-w", "%{size_download}", BASE + big],
                                  stdout=subprocess.PIPE, text=True) for _ in range(8)]
        sizes = [int(p.communicate()[0] or 0) for p in procs]
        ok = all(p.returncode == 0 for p in procs) and all(s == size for s in sizes)
        heap = sh(["jcmd", str(pid), "GC.heap_info"])
        hwm = re.search(r"VmHWM:\s+(\d+) kB", open(f"/proc/{pid}/status").read()).group(1)
        used = re.search(r"used (\d+)K", heap)
        print(f"100 000-feature page: {size / 1e6:.1f} MB in {one:.2f} s; 8 at once: {'all complete' if ok else 'FAILED'}; "
              f"-Xmx64m, heap used after {int(used.group(1)) / 1024 if used else float('nan'):.1f} MB, "
              f"process peak RSS {int(hwm) / 1024:.0f} MB", flush=True)
    finally:
        svc.stop()
    with open(os.path.join(OUT, "features.json"), "w") as f:
        json.dump(rows, f, indent=1)


def serve_only(command):
    os.makedirs(OUT, exist_ok=True)
    # the seed data alone: the synthetic collections of the features benchmark would be layers of every tile
    svc = Service("512m", log="service-" + os.path.basename(command) + ".log", data=DATA + "-seed")
    try:
        subprocess.run(["bash", command, BASE, CONNINFO], check=True)
    finally:
        svc.stop()


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--serve-only":
        serve_only(sys.argv[2])
    else:
        main()
