#!/usr/bin/env python3
"""Merges one `make bench` run into benchmarks/results/latest.json, draws the chart and
rewrites the results block of README.md (between <!-- bench:begin --> and <!-- bench:end -->)."""

import argparse, json, os, platform, shutil, subprocess, time
from collections import OrderedDict

PEERS = ["chatadmin", "hand", "boost_json", "nlohmann", "rapidjson", "simdjson_ondemand"]
EXTRA = ["chatadmin_parse_response", "chatadmin_decode_response"]

ap = argparse.ArgumentParser()
ap.add_argument("--work", required=True)
ap.add_argument("--out", required=True)
ap.add_argument("--readme", required=True)
ap.add_argument("--duration", default="10")
ap.add_argument("--connections", default="8 64")
ap.add_argument("--soak", default="0")
a = ap.parse_args()


def load(path, default=None):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return default


# ---- serialization -------------------------------------------------------------------
gb = load(os.path.join(a.work, "codecs.json"), {"benchmarks": [], "context": {}})
runs = OrderedDict()  # benchmark name -> its repetitions
for b in gb["benchmarks"]:
    if b.get("run_type", "iteration") != "iteration" or b.get("error_occurred"):
        continue
    runs.setdefault(b.get("run_name", b["name"]), []).append(b)


def median(xs):
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


# Each benchmark runs several times, interleaved at random with the others; the median of
# its repetitions stands for it, so that a neighbour's burst moves no single ratio.
rows = OrderedDict()  # (direction, workload) -> peer -> stats
for name, reps in runs.items():
    direction, workload, peer = name.split("/")[:3]
    scale = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[reps[0].get("time_unit", "ns")]
    rows.setdefault((direction, workload), OrderedDict())[peer] = {
        "ns_per_op": median([b["real_time"] for b in reps]) * scale,
        "cpu_ns_per_op": median([b["cpu_time"] for b in reps]) * scale,
        "mb_per_s": median([b.get("bytes_per_second", 0) for b in reps]) / 1e6,
        "allocs_per_op": round(max(b.get("allocs", 0) for b in reps), 3),
        "bytes": int(reps[0].get("bytes", 0)),
        "iterations": sum(b.get("iterations", 0) for b in reps),
        "repetitions": len(reps),
    }
codecs = []
for (direction, workload), peers in rows.items():
    base = peers.get("chatadmin", {}).get("cpu_ns_per_op")
    for name, s in peers.items():
        # ratio: this peer's time / chatadmin's time (> 1: chatadmin is faster); CPU time,
        # which the neighbours' load disturbs less than wall time.
        s["ratio_vs_chatadmin"] = round(s["cpu_ns_per_op"] / base, 3) if base else None
    codecs.append({"direction": direction, "workload": workload, "peers": peers})


def ratio(direction, workload, peer):
    p = rows.get((direction, workload), {})
    if peer in p and "chatadmin" in p:
        return p[peer]["cpu_ns_per_op"] / p["chatadmin"]["cpu_ns_per_op"]
    return None


# ---- mock throughput ------------------------------------------------------------------
conns = [int(c) for c in a.connections.split()]
dur = int(float(a.duration))
mock = {"duration_s": dur, "wrk_threads": 2, "runs": []}


def read_lines(path):
    try:
        with open(path) as f:
            return [l.split() for l in f if l.strip()]
    except OSError:
        return []


for c in conns:
    for server in ("mock", "bare"):
        tag = f"{server}-c{c}-d{dur}"
        w = load(os.path.join(a.work, f"wrk-{tag}.json"))
        if not w:
            continue
        acked = [int(x[0]) for x in read_lines(os.path.join(a.work, f"acked-{tag}.txt"))]
        resp_size = w["bytes"] / w["requests"] if w["requests"] else 0
        per_conn = [int(x / resp_size) for x in acked] if resp_size else []
        mock["runs"].append({
            "server": server, "connections": c,
            "requests_per_s": round(w["requests"] / (w["duration_us"] / 1e6), 1),
            "requests": w["requests"], "non2xx": w["non2xx"], "errors": w["errors"],
            "latency_us": w["latency_us"],
            "responses_per_wrk_thread": w["responses_per_thread"],
            "server_connections_seen": len(acked),
            "min_responses_per_connection": min(per_conn) if per_conn else 0,
            "max_responses_per_connection": max(per_conn) if per_conn else 0,
            "every_connection_served": len(per_conn) == c and min(per_conn) > 0,
        })
for server in ("mock", "bare"):
    hwm = read_lines(os.path.join(a.work, f"hwm-{server}.txt"))
    if hwm:
        mock[f"{server}_peak_rss_kib"] = int(hwm[-1][0])


def rss_series(name):
    s = read_lines(os.path.join(a.work, name))
    return [[int(t), int(k)] for t, k in s]


rss = rss_series("rss-mock.txt")
if rss:
    mock["mock_rss_kib_samples"] = rss
if a.soak == "1":
    soak = rss_series("rss-soak.txt")
    if soak:
        kib = [k for _, k in soak]
        tail = kib[len(kib) // 6:]  # after the first ~10 s
        growth = tail[-1] - tail[0] if tail else 0
        mock["soak"] = {"seconds": len(kib), "rss_kib_first": kib[0], "rss_kib_last": kib[-1],
                        "rss_kib_max": max(kib), "growth_after_10s_kib": growth,
                        "flat": abs(growth) <= max(2048, tail[0] // 20) if tail else None, "samples": soak}


def rps(server, c):
    for r in mock["runs"]:
        if r["server"] == server and r["connections"] == c:
            return r
    return None


# ---- targets --------------------------------------------------------------------------
targets = []


def target(name, value, ok, want):
    targets.append({"target": name, "value": None if value is None else round(value, 3),
                    "want": want, "met": None if value is None else bool(ok)})


for (direction, workload) in rows:
    if direction == "write" and workload.endswith(".json"):
        h = ratio(direction, workload, "hand")
        target(f"JSON write {workload}: chatadmin / hand", None if h is None else 1 / h, h and 1 / h <= 1.25, "<= 1.25")
        b = ratio(direction, workload, "boost_json")
        target(f"JSON write {workload}: Boost.JSON / chatadmin", b, b and b >= 4, ">= 4")
        n = ratio(direction, workload, "nlohmann")
        target(f"JSON write {workload}: nlohmann / chatadmin", n, n and n >= 10, ">= 10")
b = ratio("read", "managers_get.user_data_y", "boost_json")
target("JSON read managers_get USER_DATA=Y: Boost.JSON / chatadmin", b, b and b >= 3, ">= 3")
s = ratio("read", "managers_get.user_data_y", "simdjson_ondemand")
target("JSON read managers_get USER_DATA=Y: chatadmin / simdjson on-demand", None if s is None else 1 / s, s and 1 / s <= 1.5, "<= 1.5")
for direction, workload in (("write", "editAdmin.tl"), ("read", "updates.tl"), ("read", "rpc_error.tl")):
    h = ratio(direction, workload, "hand")
    target(f"TL {direction} {workload}: chatadmin / hand", None if h is None else 1 / h, h and 1 / h <= 1.25, "<= 1.25")
wa = [p["chatadmin"]["allocs_per_op"] for (d, w), p in rows.items() if d == "write" and "chatadmin" in p and not w.endswith("make_request")]
if wa:
    target("write: heap allocations per call (chatadmin codecs, output buffer reused)", max(wa), max(wa) == 0, "0")
extra = [p["chatadmin"]["allocs_per_op"] - p["hand"]["allocs_per_op"] for (d, w), p in rows.items()
         if d == "read" and "chatadmin" in p and "hand" in p]
if extra:
    target("read: allocations beyond the result's own (chatadmin - hand, worst workload)", max(extra), max(extra) <= 0, "<= 0")
for c in conns:
    m, b = rps("mock", c), rps("bare", c)
    if m and b:
        r = m["requests_per_s"] / b["requests_per_s"]
        target(f"mock / bare cpp-httplib requests/s at {c} connections", r, r >= 0.7, ">= 0.7")
        target(f"mock: every one of {c} connections answered (min responses/connection)",
               m["min_responses_per_connection"], m["every_connection_served"], "> 0 on each")
if "soak" in mock:
    target("mock RSS flat over 60 s (KiB growth after 10 s)", mock["soak"]["growth_after_10s_kib"], mock["soak"]["flat"], "flat")

# ---- latest.json ----------------------------------------------------------------------
cpu = ""
try:
    with open("/proc/cpuinfo") as f:
        cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
except OSError:
    pass
result = {
    "generated": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    "machine": {"cpu": cpu, "cores": os.cpu_count(), "kernel": platform.release(),
                "load_average_at_end": os.getloadavg()},
    "notes": "ratio_vs_chatadmin = peer CPU time / chatadmin CPU time (> 1: chatadmin faster). "
             "Peers run in the same process and run as chatadmin.",
    "codecs": codecs,
    "mock_throughput": mock,
    "targets": targets,
    "google_benchmark_context": gb.get("context", {}),
}
os.makedirs(a.out, exist_ok=True)
with open(os.path.join(a.out, "latest.json"), "w") as f:
    json.dump(result, f, indent=1)

# ---- chart ----------------------------------------------------------------------------
chart = None
if shutil.which("gnuplot"):
    dat = os.path.join(a.work, "codecs.dat")
    with open(dat, "w") as f:
        f.write("workload " + " ".join(PEERS) + "\n")
        for (d, w), p in rows.items():
            if w.endswith("make_request"):
                continue
            f.write(f"{d}/{w} " + " ".join(f"{p[x]['cpu_ns_per_op']:.1f}" if x in p else "-" for x in PEERS) + "\n")
    mdat = os.path.join(a.work, "mock.dat")
    with open(mdat, "w") as f:
        f.write("connections mock bare\n")
        for c in conns:
            m, b = rps("mock", c), rps("bare", c)
            f.write(f"{c} {m['requests_per_s'] if m else '-'} {b['requests_per_s'] if b else '-'}\n")
    terms = subprocess.run(["gnuplot", "-e", "set terminal"], capture_output=True, text=True)
    png = "pngcairo" in (terms.stdout + terms.stderr)
    chart = os.path.join(a.out, "latest.png" if png else "latest.svg")
    script = f"""
set terminal {'pngcairo size 1500,1100 font ",10" noenhanced' if png else 'svg size 1500,1100 dynamic font ",10" noenhanced'}
set output '{chart}'
set datafile missing '-'
set multiplot layout 2,1 title 'chatadmin benchmarks ({time.strftime("%Y-%m-%d")}, {os.cpu_count()} cores, {cpu})'
set title 'Serialization: CPU ns per call (log scale, lower is better)'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set logscale y
set ylabel 'ns/op'
set xtics rotate by -30 scale 0
set key outside right top
set grid ytics
plot for [i=2:{len(PEERS) + 1}] '{dat}' using i:xtic(1) title columnheader(i)
unset logscale y
set title 'Mock throughput: requests/s, wrk -t2 keep-alive, POST imbot.chat.setManager (higher is better)'
set ylabel 'requests/s'
set xlabel 'connections'
set xtics norotate
set yrange [0:*]
plot for [i=2:3] '{mdat}' using i:xtic(1) title columnheader(i)
unset multiplot
"""
    r = subprocess.run(["gnuplot"], input=script, text=True, capture_output=True)
    if r.returncode != 0:
        print("report: gnuplot failed:", r.stderr)
        chart = None

# ---- README block ---------------------------------------------------------------------
def fmt_ns(x):
    return f"{x:,.0f}" if x >= 100 else f"{x:.1f}"


lines = ["## Benchmark results", "",
         f"`make bench` on {os.cpu_count()} cores ({cpu}), {result['generated']}. "
         "Peers run in the same process; ratio = peer time / chatadmin time (> 1: chatadmin is faster). "
         "Full data: [`benchmarks/results/latest.json`](benchmarks/results/latest.json)"
         + (f", chart: [`benchmarks/results/{os.path.basename(chart)}`](benchmarks/results/{os.path.basename(chart)})." if chart else "."),
         "", "| workload | peer | ns/op | MB/s | ratio | allocs/op |", "|---|---|---:|---:|---:|---:|"]
for c in codecs:
    for name, s in c["peers"].items():
        lines.append(f"| {c['direction']} {c['workload']} | {name} | {fmt_ns(s['cpu_ns_per_op'])} | {s['mb_per_s']:.0f} | "
                     f"{s['ratio_vs_chatadmin']:.2f} | {s['allocs_per_op']:g} |")
if mock["runs"]:
    lines += ["", f"Mock throughput (wrk -t2, keep-alive, {dur} s per run, loopback):", "",
              "| server | connections | requests/s | p50 µs | p99 µs | connections answered | min responses/connection |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for r in mock["runs"]:
        lines.append(f"| {'chatadmin-mock' if r['server'] == 'mock' else 'bare cpp-httplib'} | {r['connections']} | "
                     f"{r['requests_per_s']:,.0f} | {r['latency_us']['p50']} | {r['latency_us']['p99']} | "
                     f"{r['server_connections_seen']}/{r['connections']} | {r['min_responses_per_connection']} |")
    if "mock_peak_rss_kib" in mock:
        lines += ["", f"Peak RSS (VmHWM): chatadmin-mock {mock['mock_peak_rss_kib'] / 1024:.1f} MiB, "
                      f"bare server {mock.get('bare_peak_rss_kib', 0) / 1024:.1f} MiB."]
    if "soak" in mock:
        s = mock["soak"]
        lines += [f"Soak (60 s, 64 connections): RSS {s['rss_kib_first'] / 1024:.1f} → {s['rss_kib_last'] / 1024:.1f} MiB "
                  f"(max {s['rss_kib_max'] / 1024:.1f}), {'flat' if s['flat'] else 'NOT flat'}."]
lines += ["", "| target | value | wanted | met |", "|---|---:|---:|:---:|"]
for t in targets:
    lines.append(f"| {t['target']} | {'n/a' if t['value'] is None else t['value']} | {t['want']} | "
                 f"{'n/a' if t['met'] is None else ('yes' if t['met'] else 'no')} |")
block = "\n".join(lines) + "\n"

begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
try:
    with open(a.readme) as f:
        text = f.read()
except OSError:
    text = ""
if begin in text and end in text and text.index(begin) < text.index(end):
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    text = head + begin + "\n" + block + end + tail
else:
    text = text + ("" if text.endswith("\n") or not text else "\n") + "\n" + begin + "\n" + block + end + "\n"
with open(a.readme, "w") as f:
    f.write(text)

print("\n".join(lines[4:]) if codecs else "")
print(f"\nwrote {os.path.join(a.out, 'latest.json')}" + (f", {chart}" if chart else "") + f", {a.readme}")
