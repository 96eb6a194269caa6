#!/usr/bin/env python3
"""Downloads benchmark (see README, "Benchmarks").

Starts the service under -Xmx256m on the seed data and times /export.gpkg (the whole dataset); then creates
1 000 000 points as a collection and downloads all of them as FlatGeobuf and as CSV (and GeoPackage), one at a
time: size, time, the feature count GDAL reads back (CSV: data rows), the Java heap in use after each and the
process's peak RSS. The heap limit shows that a download streams (FlatGeobuf, CSV) or goes through a temporary
file (GeoPackage) instead of being held in memory.
"""
import os, re, subprocess, sys, time

sys.path.insert(0, os.path.dirname(__file__))
from features_bench import BASE, CONNINFO, OUT, Service, sh  # noqa: E402

HEAP = os.environ.get("BENCH_DOWNLOAD_HEAP", "256m")
DATA = "var/bench-postgis-downloads"


def fetch(path, target):
    t = time.time()
    out = subprocess.run(["curl", "-sS", "-f", "-o", target, "-w", "%{http_code} %{size_download}", BASE + path],
                         check=True, text=True, capture_output=True).stdout.split()
    return time.time() - t, int(out[1])


def gdal_count(path):
    info = sh(["ogrinfo", "-ro", "-al", "-so", path])
    return sum(int(n) for n in re.findall(r"Feature Count: (\d+)", info))


def heap_mb(pid):
    used = re.search(r"used (\d+)K", sh(["jcmd", str(pid), "GC.heap_info"]))
    return int(used.group(1)) / 1024 if used else float("nan")


def peak_rss_mb(pid):
    return int(re.search(r"VmHWM:\s+(\d+) kB", open(f"/proc/{pid}/status").read()).group(1)) / 1024


def main():
    os.makedirs(OUT, exist_ok=True)
    svc = Service(HEAP, log="service-downloads.log", data=DATA)
    lines = []

    def report(line):
        print(line, flush=True)
        lines.append(line)

    try:
        pid = svc.java_pid()
        target = os.path.join(OUT, "export.gpkg")
        took, size = fetch("/export.gpkg", target)
        report(f"/export.gpkg (seed data): {size / 1e6:.2f} MB in {took:.2f} s, "
               f"{len(re.findall(r'^[0-9]+:', sh(['ogrinfo', '-ro', '-q', target]), re.M))} layers")
        print("creating 1 000 000 points ...", flush=True)
        t = time.time()
        sh(["psql", CONNINFO, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", "src/bench/downloads-bench.sql"])
        print(f"  done in {time.time() - t:.1f} s", flush=True)
        time.sleep(6)  # the catalogue is re-read every few seconds
        for f in ("fgb", "csv", "gpkg"):
            target = os.path.join(OUT, "million." + f)
            took, size = fetch(f"/collections/bench-million/items?f={f}", target)
            if f == "csv":
                with open(target, "rb") as fh:
                    count = sum(1 for _ in fh) - 1
            else:
                count = gdal_count(target)
            report(f"1 000 000 points as {f}: {size / 1e6:.1f} MB in {took:.2f} s, {count} features read back, "
                   f"-Xmx{HEAP}, heap in use after {heap_mb(pid):.1f} MB, process peak RSS {peak_rss_mb(pid):.0f} MB")
            os.remove(target)
    finally:
        svc.stop()
    with open(os.path.join(OUT, "downloads.txt"), "w") as fh:
        fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
