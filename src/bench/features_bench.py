#!/usr/bin/env python3
"""OGC API - Features benchmark (see README, "Benchmarks").

Starts the service (-Xmx64m) on its own embedded PostGIS, creates 100 000 points, 1 000 000 points and 1 000
lines as collections, and measures, at concurrency 8 on loopback:
  - items?limit=100 and limit=1000: first page, pages spread over the collection (keyset cursors), with bbox;
    wrk against the service, and as the ceiling pgbench (-M prepared) running the page statement alone (the
    page SQL the service runs, captured from its own SQL log) straight against PostgreSQL; the count
    statements timed on their own;
  - the first page at 1 000 000 points against 100 000; a page over the whole collection against the same page
    with a small bbox (a few hundred matches); a deep keyset page against the first;
  - the whole collection fetched by following next links (limit 10 000) against psql \\copy of the same query;
  - a 100 000-feature page, alone and 8 at once, under -Xmx64m (the heap stays flat: rows stream);
  - a mixed workload: 8 clients on random bbox pages while one client writes a feature a second, each write
    checked at once (ETag and numberMatched must follow it);
  - vector tiles of all layers at zooms 5-12 with the 1 000 000 points among them: largest tile, p50/p99 time.
With --serve-only CMD: start the service with the seed data only, run CMD BASE_URL PSQL_CONNINFO, stop.
"""
import base64, json, math, os, random, re, shutil, signal, statistics, subprocess, sys, tempfile, time, urllib.request

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
    # gc: the serial collector keeps the heap figures of the memory runs comparable; runs that measure throughput
    # under load pass the collector ./corridor run starts the service with
    def __init__(self, heap, extra_args=(), log="service.log", data=DATA, gc="-XX:+UseSerialGC"):
        self.log_path = os.path.join(OUT, log)
        args = ["timeout", "3600", "java", f"-Xmx{heap}", *([gc] if gc else []), "-jar", JAR,
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
        print("creating 100 000 points, 1 000 000 points and 1 000 lines ...", flush=True)
        t = time.time()
        for script in ("src/bench/features-bench.sql", "src/bench/features-bench-1m.sql"):
            sh(["psql", CONNINFO, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", script])
        print(f"  done in {time.time() - t:.1f} s", flush=True)
        time.sleep(1.5)  # the catalogue is re-read every second in this run
        get("/collections/bench-points/items?limit=100")
        get("/collections/bench-points/items?limit=100&cursor=" + cursor(50000))
        get("/collections/bench-points/items?limit=100&bbox=45,39,45.5,39.5")
        get("/collections/bench-points-1m/items?limit=100")
    finally:
        svc.stop()
    lines = [l for l in open(svc.log_path) if "page SQL:" in l or "count SQL:" in l]
    found = {}
    for l in lines:
        kind = "page" if "page SQL:" in l else "count"
        sql, params = re.search(r"SQL: (.*) \| params: \{(.*)\}$", l.strip()).groups()
        found.setdefault(kind, []).append((sql, params))
    return found


def fill(sql, values):
    """The service's statement with its placeholders (:p1, :p2, ... in the order of the values) as pgbench
    variables or literals."""
    names = {int(n) for n in re.findall(r"(?<!:):p(\d+)\b", sql)}
    assert names == set(range(1, len(values) + 1)), (sql, values)
    return re.sub(r"(?<!:):p(\d+)\b", lambda m: values[int(m.group(1)) - 1], sql)


def pgbench_script(sql, variables, values):
    """One statement alone: the page (the ceiling), or the count (timed on its own)."""
    text = "".join(f"\\set {k} {v}\n" for k, v in variables.items())
    return text + fill(sql, values) + ";\n"


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


def median_ms(path, n=20):
    times = []
    for _ in range(n):
        t = time.time()
        get(path)
        times.append((time.time() - t) * 1000)
    return statistics.median(times)


def bbox_urls(collection, limit, size, n=2000):
    boxes = []
    for _ in range(n):
        x, y = 42.5 + random.random() * (8.5 - size), 37.0 + random.random() * (5.5 - size)
        boxes.append((x, y, x + size, y + size))
    return [f"/collections/{collection}/items?limit={limit}&bbox={b[0]:.4f},{b[1]:.4f},{b[2]:.4f},{b[3]:.4f}" for b in boxes]


def bbox_variables(size):
    return {"x": f"42.5 + random(0, {int((8.5 - size) * 1000)}) / 1000.0", "y": f"37.0 + random(0, {int((5.5 - size) * 1000)}) / 1000.0",
            "x2": f":x + {size}", "y2": f":y + {size}"}


def compare(rows, label, urls, page_script, count_script=None):
    """wrk on the service, pgbench on the page statement alone (the ceiling), and the count alone."""
    name = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    per_page = mean_returned(urls)
    rps, p50, p99 = run_wrk(urls, name)
    tps, cp50, cp99 = run_pgbench(page_script, name + "-page")
    counted = run_pgbench(count_script, name + "-count") if count_script else None
    rows.append({"scenario": label, "features_per_page": per_page, "service_rps": rps, "service_p50_ms": p50,
                 "service_p99_ms": p99, "ceiling_tps": tps, "ceiling_p50_ms": cp50, "ceiling_p99_ms": cp99,
                 "ratio": rps / tps, "count_tps": counted[0] if counted else None,
                 "count_p50_ms": counted[1] if counted else None})
    print(f"{label:<34} service {rps:8.1f} req/s p50 {p50:7.1f} ms p99 {p99:7.1f} ms | page-only ceiling {tps:8.1f} tps "
          f"p50 {cp50:6.1f} ms p99 {cp99:6.1f} ms | ratio {rps / tps:4.2f}"
          + (f" | count alone {counted[0]:8.1f} tps p50 {counted[1]:6.1f} ms" if counted else ""), flush=True)
    return rps


def tile_range(z):
    def tile(lon, lat):
        n = 2 ** z
        r = math.radians(lat)
        return (min(max(int((lon + 180.0) / 360.0 * n), 0), n - 1),
                min(max(int((1.0 - math.asinh(math.tan(r)) / math.pi) / 2.0 * n), 0), n - 1))
    (x0, y0), (x1, y1) = tile(42.5, 42.5), tile(51.0, 37.0)
    return [(z, x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]


def tiles_with_a_million_points():
    """Every all-layers tile of the region at zooms 5-8, a sample of 100 a zoom at 9-12: size and time."""
    rnd = random.Random(7)
    sizes, times, per_zoom = [], [], {}
    for z in range(5, 13):
        tiles = tile_range(z)
        if z >= 9 and len(tiles) > 100:
            tiles = rnd.sample(tiles, 100)
        zt = []
        for (tz, x, y) in tiles:
            t = time.time()
            size = len(get(f"/tiles/WebMercatorQuad/{tz}/{y}/{x}"))
            zt.append((time.time() - t) * 1000)
            sizes.append((size, f"{tz}/{y}/{x}"))
        zt.sort()
        per_zoom[z] = (len(tiles), pct(zt, 50), pct(zt, 99))
        times += zt
    times.sort()
    biggest = max(sizes)
    for z, (n, p50, p99) in per_zoom.items():
        print(f"  tiles z{z:<2} {n:4d} tiles p50 {p50:7.1f} ms p99 {p99:7.1f} ms", flush=True)
    print(f"tiles z5-12 with 1 000 000 points among the layers: largest {biggest[0] / 1024:.0f} KB ({biggest[1]}), "
          f"p50 {pct(times, 50):.1f} ms, p99 {pct(times, 99):.1f} ms over {len(times)} tiles", flush=True)
    return {"largest_bytes": biggest[0], "largest_tile": biggest[1], "p50_ms": pct(times, 50), "p99_ms": pct(times, 99),
            "per_zoom": per_zoom}


def mixed_workload(seconds):
    """8 clients on random bbox pages; one writer a second, each write checked at once against the database."""
    box = (45.0, 39.0, 45.5, 39.5)
    where = f"geom && ST_MakeEnvelope({box[0]}, {box[1]}, {box[2]}, {box[3]}, 4326)"
    page = f"/collections/bench-points/items?limit=10&bbox={box[0]},{box[1]},{box[2]},{box[3]}"
    lua = os.path.join(OUT, "limit-100-with-bbox.lua")  # random 1-degree bbox pages, written by run_wrk
    wrk = subprocess.Popen(["wrk", "-t2", "-c8", f"-d{seconds}s", "--timeout", "60s", "-s", lua, BASE],
                           stdout=subprocess.PIPE, text=True)
    stale, writes, last_etag = 0, 0, None
    start = time.time()
    while time.time() - start < seconds - 2:
        t = time.time()
        n = writes
        if n % 3 == 0:
            psql(f"insert into corridor.bench_points (id, geom, name, kind, value, sources, accuracy) values ('w{n}', "
                 f"ST_SetSRID(ST_MakePoint(45.25, 39.25), 4326), 'written {n}', 'bridge', 1, '{{corridor-gis-recipe}}', 'schematic')")
        elif n % 3 == 1:
            psql(f"update corridor.bench_points set geom = ST_SetSRID(ST_MakePoint(45.3, 39.3), 4326) "
                 f"where id = (select id from corridor.bench_points where not ({where}) order by id limit 1)")
        else:
            psql(f"delete from corridor.bench_points where id = (select id from corridor.bench_points where {where} order by id limit 1)")
        writes += 1
        with urllib.request.urlopen(BASE + page, timeout=60) as r:
            etag = r.headers["ETag"]
            body = json.loads(r.read())
        expected = int(psql(f"select count(*) from corridor.bench_points where {where} and ST_Intersects(geom, "
                            f"ST_MakeEnvelope({box[0]}, {box[1]}, {box[2]}, {box[3]}, 4326))"))
        if body.get("numberMatched") != expected or etag == last_etag:
            stale += 1
        last_etag = etag
        time.sleep(max(0.0, 1.0 - (time.time() - t)))
    out = wrk.communicate()[0]
    rps, p50, p99, bad_status, bad_io = re.search(r"RESULT (\S+) (\S+) (\S+) (\d+) (\d+)", out).groups()
    print(f"mixed workload: 8 clients on random bbox pages {float(rps):.1f} req/s p50 {float(p50):.1f} ms p99 {float(p99):.1f} ms, "
          f"{bad_status} errors; {writes} writes, {stale} stale pages", flush=True)
    return {"rps": float(rps), "p50_ms": float(p50), "p99_ms": float(p99), "errors": int(bad_status) + int(bad_io),
            "writes": writes, "stale": stale}


def main():
    if not os.path.exists(JAR):
        sys.exit("build first: ./mvnw -q -DskipTests package (./corridor bench does)")
    os.makedirs(OUT, exist_ok=True)
    random.seed(7)
    sql = capture_sql()
    first_page, cursor_page, bbox_page, first_page_1m = sql["page"][:4]
    count_all, _, count_bbox, count_all_1m = sql["count"][:4]
    budget_row = count_bbox[1].split(", ")[-1].split("=", 1)[1]  # the count's last parameter: the budget plus one

    svc = Service("64m", log="service.log")
    rows, results = [], {}
    try:
        # warm-up, not recorded: the JVM compiles the hot paths before anything is timed
        run_wrk(["/collections/bench-points/items?limit=100"] + bbox_urls("bench-points", 100, 1.0, 200)
                + [f"/collections/bench-points/items?limit=100&cursor={cursor(random.randint(1, 99000))}" for _ in range(200)],
                "warm-up")
        for limit in (100, 1000):
            compare(rows, f"limit={limit}, first page", [f"/collections/bench-points/items?limit={limit}"],
                    pgbench_script(first_page[0], {}, [str(limit + 1)]), pgbench_script(count_all[0], {}, []))
            compare(rows, f"limit={limit}, spread pages",
                    [f"/collections/bench-points/items?limit={limit}&cursor={cursor(random.randint(1, 99000))}" for _ in range(2000)],
                    pgbench_script(cursor_page[0], {"n": "random(1, 99000)"}, ["cast(:n as text)", str(limit + 1)]))
            compare(rows, f"limit={limit}, with bbox", bbox_urls("bench-points", limit, 1.0),
                    pgbench_script(bbox_page[0], bbox_variables(1.0), [":x", ":y", ":x2", ":y2"] * 2 + [str(limit + 1)]),
                    pgbench_script(count_bbox[0], bbox_variables(1.0), [":x", ":y", ":x2", ":y2"] * 2 + [budget_row]))
        whole = rows[0]["service_rps"]
        small = compare(rows, "limit=100, small bbox (0.4 deg)", bbox_urls("bench-points", 100, 0.4),
                        pgbench_script(bbox_page[0], bbox_variables(0.4), [":x", ":y", ":x2", ":y2"] * 2 + ["101"]),
                        pgbench_script(count_bbox[0], bbox_variables(0.4), [":x", ":y", ":x2", ":y2"] * 2 + [budget_row]))
        print(f"whole collection vs small bbox, limit=100: {whole:.1f} vs {small:.1f} req/s, ratio {whole / small:.2f}", flush=True)
        results["whole_vs_small_bbox"] = whole / small
        big = compare(rows, "1M points, limit=100, first page", ["/collections/bench-points-1m/items?limit=100"],
                      pgbench_script(first_page_1m[0], {}, ["101"]), pgbench_script(count_all_1m[0], {}, []))
        compare(rows, "1M points, limit=100, spread pages",
                [f"/collections/bench-points-1m/items?limit=100&cursor={cursor(random.randint(1, 999000))}" for _ in range(2000)],
                pgbench_script(cursor_page[0].replace('"bench_points"', '"bench_points_1m"'), {"n": "random(1, 999000)"},
                               ["cast(:n as text)", "101"]))
        print(f"first page, limit=100: 1 000 000 points {big:.1f} req/s vs 100 000 points {whole:.1f} req/s, "
              f"ratio {whole / big:.2f}", flush=True)
        results["first_page_100k_vs_1m"] = whole / big

        # Deep pages: a keyset cursor against OFFSET, one request at a time.
        first = median_ms("/collections/bench-points/items?limit=100")
        deep_cursor = median_ms("/collections/bench-points/items?limit=100&cursor=" + cursor(90000))
        deep_offset = median_ms("/collections/bench-points/items?limit=100&offset=90000")
        first_1m = median_ms("/collections/bench-points-1m/items?limit=100")
        deep_1m = median_ms("/collections/bench-points-1m/items?limit=100&cursor=" + cursor(900000))
        print(f"deep page (100 features after row 90 000): cursor {deep_cursor:.1f} ms, offset {deep_offset:.1f} ms, "
              f"first page {first:.1f} ms, ratio {deep_cursor / first:.2f}; at 1 000 000 points after row 900 000: "
              f"{deep_1m:.1f} ms vs first {first_1m:.1f} ms (medians of 20)", flush=True)
        results["deep"] = {"first_ms": first, "cursor_ms": deep_cursor, "offset_ms": deep_offset, "first_1m_ms": first_1m,
                           "cursor_1m_ms": deep_1m}

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
        whole_sql = re.sub(r" limit \?.*$", "", first_page[0])
        t = time.time()
        sh(["env", "PGOPTIONS=-c jit=off", "psql", CONNINFO, "-X", "-q", "-c", f"\\copy ({whole_sql}) to '/dev/null'"])
        copy = time.time() - t
        print(f"whole collection: {n} features in {pages} pages by next links {walk:.2f} s | psql \\copy {copy:.2f} s "
              f"| ratio {walk / copy:.2f}", flush=True)
        results["whole_collection"] = {"features": n, "next_links_s": walk, "copy_s": copy, "ratio": walk / copy}

        # Heap: one 100 000-feature page, then 8 at once, under -Xmx64m.
        pid = svc.java_pid()
        big_page = "/collections/bench-points/items?limit=100000"
        t = time.time()
        size = len(get(big_page))
        one = time.time() - t
        procs = [subprocess.Popen(["curl", "-sf", "-o", "/dev/null", "-w", "%{size_download}", BASE + big_page],
                                  stdout=subprocess.PIPE, text=True) for _ in range(8)]
        sizes = [int(p.communicate()[0] or 0) for p in procs]
        ok = all(p.returncode == 0 for p in procs) and all(s == size for s in sizes)
        heap = sh(["jcmd", str(pid), "GC.heap_info"])
        hwm = re.search(r"VmHWM:\s+(\d+) kB", open(f"/proc/{pid}/status").read()).group(1)
        used = re.search(r"used (\d+)K", heap)
        print(f"100 000-feature page: {size / 1e6:.1f} MB in {one:.2f} s; 8 at once: {'all complete' if ok else 'FAILED'}; "
              f"-Xmx64m, heap used after {int(used.group(1)) / 1024 if used else float('nan'):.1f} MB, "
              f"process peak RSS {int(hwm) / 1024:.0f} MB", flush=True)
        results["heap"] = {"page_mb": size / 1e6, "one_s": one, "eight_ok": ok, "peak_rss_mb": int(hwm) / 1024}

        results["tiles"] = tiles_with_a_million_points()
        results["mixed"] = mixed_workload(SECONDS)
    finally:
        svc.stop()
    with open(os.path.join(OUT, "features.json"), "w") as f:
        json.dump({"pages": rows, **results}, f, indent=1)


def serve_only(command):
    os.makedirs(OUT, exist_ok=True)
    # the seed data alone: the synthetic collections of the features benchmark would be layers of every tile
    # the tile benchmark reads the tile query from the service's SQL log (the service does not serve its SQL)
    svc = Service("512m", ["--logging.level.org.corridorgis.tiles.sql=DEBUG"],
                  log="service-" + os.path.basename(command) + ".log", data=DATA + "-seed")
    try:
        subprocess.run(["bash", command, BASE, CONNINFO], check=True, env={**os.environ, "BENCH_SERVICE_LOG": svc.log_path})
    finally:
        svc.stop()


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--serve-only":
        serve_only(sys.argv[2])
    else:
        main()
