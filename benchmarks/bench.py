"""The build and query benchmark: `python3 -m benchmarks.bench --n 1000 [--jobs 2]`.

Makes a corpus of N articles (benchmarks/corpus.py), builds it in a child
process and measures the whole build (articles/s, MB/s, time per stage, peak
memory of the process tree), an incremental rebuild (one article changed, one
added), the HTML view, the six shipped queries through `kg query`, and
rdflib's in-memory store against pyoxigraph for loading graph.ttl and for the
shipped queries. Results go to benchmarks/results/<N>-jobs<J>.json; `--markdown`
prints the table of every result file (benchmarks/RESULTS.md is made so).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
QUERY_TIMEOUT = 600.0  # seconds for one engine to load the graph and answer the six queries


# --- Measuring a child process -----------------------------------------------------------

def _tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and all its descendants (Linux /proc; 0 elsewhere)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text()
            fields = stat[stat.rindex(")") + 2:].split()
            parents[int(entry.name)] = int(fields[1])
            rss[int(entry.name)] = int(fields[21]) * resource.getpagesize()
        except (OSError, ValueError, IndexError):
            continue
    tree, todo = set(), [pid]
    while todo:
        p = todo.pop()
        tree.add(p)
        todo += [c for c, parent in parents.items() if parent == p and c not in tree]
    return sum(rss.get(p, 0) for p in tree)


def run_child(args: list[str], timeout: float | None = None) -> dict:
    """Run `python -m benchmarks.bench <args>`; its JSON answer, wall time and peak tree memory."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "benchmarks.bench", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            time.sleep(1.0)  # a scan of /proc costs CPU the build should have

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return {"timeout": timeout, "wall": time.perf_counter() - start}
    sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark child {args[0]} failed:\n{err[-2000:]}")
    answer = json.loads(out.strip().splitlines()[-1])
    answer.update(wall=time.perf_counter() - start, peak_mb=round(peak[0] / 2**20))
    return answer


# --- Children: each prints one JSON line -------------------------------------------------

def child_build(corpus: str, out: str, jobs: str, cache: str) -> dict:
    from kg.build import build

    t0, c0 = time.perf_counter(), time.process_time()
    report = build([Path(corpus)], Path(out), jobs=int(jobs), cache=cache == "cache")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"articles": report.articles, "cached": report.cached, "triples": report.triples,
            "build_s": time.perf_counter() - t0, "cpu_s": time.process_time() - c0 + usage.ru_utime + usage.ru_stime,
            "stages": {k: round(v, 3) for k, v in report.seconds.items()}, "notes": report.notes,
            "counts": dict(report.counts)}


def _shipped_texts() -> dict[str, str]:
    from kg.namespaces import sparql_prologue
    from kg.query import shipped

    return {name: sparql_prologue() + path.read_text(encoding="utf-8") for name, path in shipped().items()}


def _nt(term) -> str:
    return "" if term is None else term.n3()


def child_rdflib(ttl: str) -> dict:
    from rdflib import Graph

    t = time.perf_counter()
    g = Graph().parse(ttl, format="turtle")
    answer = {"load_s": time.perf_counter() - t, "triples": len(g), "queries": {}}
    for name, text in _shipped_texts().items():
        t = time.perf_counter()
        rows = [tuple(_nt(x) for x in row) for row in g.query(text)]
        answer["queries"][name] = {"s": time.perf_counter() - t, "rows": len(rows), "digest": _digest(rows)}
    return answer


def child_oxigraph(ttl: str, disk: str = "") -> dict:
    """pyoxigraph in memory, or with `disk`, a RocksDB store there (for graphs too big for memory)."""
    import pyoxigraph as ox

    t = time.perf_counter()
    if disk:
        shutil.rmtree(disk, ignore_errors=True)
    store = ox.Store(disk) if disk else ox.Store()
    store.bulk_load(path=ttl, format=ox.RdfFormat.TURTLE)
    answer = {"load_s": time.perf_counter() - t, "triples": len(store), "queries": {}}
    for name, text in _shipped_texts().items():
        t = time.perf_counter()
        result = store.query(text)
        names = [v.value for v in result.variables]
        rows = [tuple("" if s[v] is None else str(s[v]) for v in names) for s in result]
        answer["queries"][name] = {"s": time.perf_counter() - t, "rows": len(rows), "digest": _digest(rows)}
    return answer


def _digest(rows: list[tuple]) -> str:
    """Order-free fingerprint of a result: both engines must give the same multiset of rows."""
    import hashlib

    return hashlib.sha256("\n".join(sorted("\t".join(r) for r in rows)).encode()).hexdigest()[:16]


def child_html(ttl: str) -> dict:
    from rdflib import Graph

    from kg.viz import render_html

    t = time.perf_counter()
    g = Graph().parse(ttl, format="turtle")
    load = time.perf_counter() - t
    t = time.perf_counter()
    page = render_html(g)
    return {"load_s": load, "render_s": time.perf_counter() - t, "bytes": len(page.encode("utf-8"))}


CHILDREN = {"child-build": child_build, "child-rdflib": child_rdflib, "child-oxigraph": child_oxigraph,
            "child-html": child_html}


# --- Phases of one benchmark run ---------------------------------------------------------

def make_corpus(work: Path, n: int, seed: int) -> tuple[Path, float]:
    """The corpus of n articles under work/ (reused when already complete); its size in MB."""
    from benchmarks.corpus import write_corpus

    folder = work / f"corpus-{n}-seed{seed}"
    done = folder / ".complete"
    if not done.is_file():
        shutil.rmtree(folder, ignore_errors=True)
        write_corpus(folder, n, seed)
        done.write_text("ok\n")
    size = sum(p.stat().st_size for p in folder.rglob("*.txt"))
    return folder, size / 1e6


def measure_build(corpus: Path, out: Path, jobs: int, megabytes: float) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    result = run_child(["child-build", str(corpus), str(out), str(jobs), "cache"])
    result["articles_per_s"] = result["articles"] / result["build_s"]
    result["mb_per_s"] = megabytes / result["build_s"]
    result["outputs_mb"] = {p.name: round(p.stat().st_size / 1e6, 1) for p in sorted(out.glob("graph.*"))}
    return result


def measure_incremental(corpus: Path, out: Path, jobs: int, full_s: float) -> dict:
    """Change one article and add one, rebuild with the cache, then put the corpus back."""
    changed = sorted(corpus.rglob("*.txt"))[0]
    added = corpus / "bench-added.txt"
    original = changed.read_bytes()
    try:
        changed.write_bytes(original + "\nCông an xã tổ chức 3 buổi tuyên truyền pháp luật.\n".encode())
        shutil.copy(changed, added)
        result = run_child(["child-build", str(corpus), str(out), str(jobs), "cache"])
    finally:
        changed.write_bytes(original)
        added.unlink(missing_ok=True)
    result["ratio_to_full"] = result["build_s"] / full_s
    return result


def measure_cli_queries(ttl: Path) -> dict:
    """Each shipped query end to end, as a user runs it: `kg query NAME -g graph.ttl --format csv`.
    The first query on a large graph makes its on-disk store (kg.fastquery): that is timed first,
    on its own, with a query that asks nothing. Each query then runs twice: computed, and given
    again from the answer kept beside the store (a graph of 20 MB or more)."""
    from kg.query import shipped

    out = {}
    for name in ["(first query: the store)", *shipped()]:
        query = name if not name.startswith("(") else "ASK { }"
        out[name] = _cli_query(ttl, query)
        if not name.startswith("("):
            out[name]["again"] = _cli_query(ttl, query)
    return out


def _cli_query(ttl: Path, query: str) -> dict:
    command = [sys.executable, "-m", "kg", "query", query, "-g", str(ttl), "--format", "csv", "--timeout", "0"]
    # The answer goes to a file, as a user's would: capturing and decoding hundreds of
    # megabytes here would be timed as the command's.
    with tempfile.TemporaryFile() as answer:
        t = time.perf_counter()
        try:
            proc = subprocess.run(command, cwd=ROOT, stdout=answer, stderr=subprocess.DEVNULL, timeout=QUERY_TIMEOUT)
        except subprocess.TimeoutExpired:
            return {"s": QUERY_TIMEOUT, "rows": 0, "ok": False, "timeout": True}
        seconds = time.perf_counter() - t
        answer.seek(0)
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: answer.read(1 << 20), b""))
    return {"s": seconds, "rows": max(0, lines - 1), "ok": proc.returncode == 0}


def measure_stores(ttl: Path, rdflib_max_triples: int, triples: int, oxigraph_disk: Path | None) -> dict:
    result = {}
    try:
        import pyoxigraph  # noqa: F401
        disk = [str(oxigraph_disk)] if oxigraph_disk else []
        result["oxigraph"] = run_child(["child-oxigraph", str(ttl), *disk], QUERY_TIMEOUT * 3)
        result["oxigraph"]["on_disk"] = bool(disk)
    except ImportError:
        result["oxigraph"] = {"skipped": "pyoxigraph is not installed (pip install pyoxigraph)"}
    if triples <= rdflib_max_triples:
        result["rdflib"] = run_child(["child-rdflib", str(ttl)], QUERY_TIMEOUT)
    else:
        result["rdflib"] = {"skipped": f"{triples:,} triples: more than --rdflib-max-triples"}
    return result


def measure_html(out: Path, build: dict) -> dict:
    if any(note.startswith("graph.html") for note in build["notes"]):
        return {"skipped": build["notes"][0], "bytes": (out / "graph.html").stat().st_size}
    return run_child(["child-html", str(out / "graph.ttl")], QUERY_TIMEOUT)


def machine() -> dict:
    import rdflib

    try:
        import pyoxigraph
        ox = pyoxigraph.__version__
    except ImportError:
        ox = None
    free = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.strip() if shutil.which("free") else ""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    return {"nproc": os.cpu_count(), "cpu": cpu, "free_h": free, "python": platform.python_version(),
            "platform": platform.platform(), "rdflib": rdflib.__version__, "pyoxigraph": ox,
            "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None}


def run(n: int, jobs: int, work: Path, seed: int, rdflib_max_triples: int, phases: set[str],
        oxigraph_disk: bool = False) -> dict:
    result = {"n": n, "jobs": jobs, "seed": seed, "machine": machine(), "when": time.strftime("%Y-%m-%d %H:%M")}
    t = time.perf_counter()
    corpus, megabytes = make_corpus(work, n, seed)
    result["corpus"] = {"mb": round(megabytes, 1), "make_s": time.perf_counter() - t}
    out = work / f"out-{n}"
    result["build"] = build = measure_build(corpus, out, jobs, megabytes)
    _say(f"build: {build['articles_per_s']:.1f} articles/s, {build['build_s']:.1f} s, peak {build['peak_mb']} MB")
    if "html" in phases:
        result["html"] = measure_html(out, build)
    if "stores" in phases:
        disk = work / f"oxigraph-{n}" if oxigraph_disk else None
        result["stores"] = measure_stores(out / "graph.ttl", rdflib_max_triples, build["triples"], disk)
        _say("stores: " + json.dumps({k: v.get("load_s") for k, v in result["stores"].items()}))
    if "cli" in phases:
        result["cli_queries"] = measure_cli_queries(out / "graph.ttl")
    if "incremental" in phases:  # last: it rebuilds `out` from a changed corpus
        result["incremental"] = measure_incremental(corpus, out, jobs, build["build_s"])
        _say(f"incremental: {result['incremental']['build_s']:.2f} s")
    return result


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --- The results table -------------------------------------------------------------------

def _fmt(value, unit: str = "", digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        value = f"{value:,.{digits}f}"
    elif isinstance(value, int):
        value = f"{value:,}"
    return f"{value}{unit}"


def _row(label: str, results: list[dict], get) -> str:
    cells = []
    for r in results:
        try:
            cells.append(get(r))
        except (KeyError, TypeError, ZeroDivisionError):
            cells.append("–")
    return f"| {label} | " + " | ".join(cells) + " |"


def build_rows(rs: list[dict]) -> list[str]:
    b = lambda r: r["build"]  # noqa: E731
    stage = lambda name: lambda r: _fmt(b(r)["stages"].get(name), " s")  # noqa: E731
    return [
        _row("corpus", rs, lambda r: _fmt(r["corpus"]["mb"], " MB")),
        _row("triples (graph.ttl)", rs, lambda r: _fmt(b(r)["triples"])),
        _row("build, wall clock", rs, lambda r: _fmt(b(r)["build_s"], " s")),
        _row("**articles/s**", rs, lambda r: "**" + _fmt(b(r)["articles_per_s"]) + "**"),
        _row("MB/s of articles", rs, lambda r: _fmt(b(r)["mb_per_s"], digits=2)),
        _row("CPU time (all processes)", rs, lambda r: _fmt(b(r)["cpu_s"], " s")),
        _row("stage: ingest (summed over workers)", rs, stage("ingest")),
        _row("stage: extract (summed over workers)", rs, stage("extract")),
        _row("stage: graph + per-article serialise (summed)", rs, stage("graph")),
        _row("stage: write (main process: TriG, merge, Turtle, HTML)", rs, stage("write")),
        _row("peak memory, all processes", rs, lambda r: _fmt(b(r)["peak_mb"], " MB")),
        _row("graph.ttl / graph.trig", rs, lambda r: f"{b(r)['outputs_mb']['graph.ttl']} / {b(r)['outputs_mb']['graph.trig']} MB"),
        _row("rebuild, 1 changed + 1 added (cache)", rs,
             lambda r: f"{r['incremental']['build_s']:.1f} s ({100 * r['incremental']['ratio_to_full']:.1f}% of full)"),
        _row("graph.html", rs, _html_cell),
    ]


def _html_cell(r: dict) -> str:
    h = r["html"]
    if "skipped" in h:
        return f"not drawn ({r['build']['notes'][0].split(':')[1].split(';')[0].strip()})"
    return f"{h['bytes'] / 1e6:.1f} MB, render {h['render_s']:.1f} s"


def store_rows(rs: list[dict]) -> list[str]:
    from kg.query import shipped

    def cell(r, name=None):
        ox, rd = r["stores"]["oxigraph"], r["stores"]["rdflib"]
        pick = (lambda s: s["load_s"]) if name is None else (lambda s: s["queries"][name]["s"])
        a = _fmt(pick(rd), " s", 2) if "load_s" in rd else ("timeout" if "timeout" in rd else "not run")
        o = _fmt(pick(ox), " s", 2) if "load_s" in ox else ("timeout" if "timeout" in ox else "not run")
        ratio = f" (×{pick(rd) / pick(ox):,.0f})" if "load_s" in rd and "load_s" in ox else ""
        same = ""
        if name and "load_s" in rd and "load_s" in ox:
            same = "" if rd["queries"][name]["digest"] == ox["queries"][name]["digest"] else " ≠rows"
        return f"{a} / {o}{ratio}{same}"

    rows = [_row("load graph.ttl", rs, lambda r: cell(r) + (" (pyoxigraph on disk)" if r["stores"]["oxigraph"].get("on_disk") else ""))]
    rows += [_row(f"query `{name}`", rs, lambda r, n=name: cell(r, n)) for name in shipped()]
    rows.append(_row("peak memory rdflib / oxigraph", rs, lambda r: " / ".join(
        _fmt(r["stores"][e].get("peak_mb"), " MB") for e in ("rdflib", "oxigraph"))))
    return rows


def cli_rows(rs: list[dict]) -> list[str]:
    from kg.query import shipped

    def cell(r, name):
        q = r["cli_queries"].get(name)
        if q is None:
            return "–"
        text = f"> {q['s']:.0f} s (stopped)" if q.get("timeout") else f"{q['s']:.1f} s ({q['rows']:,} rows)"
        again = q.get("again")
        return text + (f"; again: {again['s']:.1f} s" if again and again.get("ok") else "")

    first = "(first query: the store)"
    return [_row("first `kg query` (makes the on-disk store of a graph of 20 MB or more)", rs, lambda r: cell(r, first)),
            *[_row(f"`kg query {name}`", rs, lambda r, n=name: cell(r, n)) for name in shipped()]]


def markdown(rs: list[dict]) -> str:
    rs = sorted(rs, key=lambda r: (r["n"], r["jobs"]))
    head = "| | " + " | ".join(f"N = {r['n']:,} (--jobs {r['jobs']})" for r in rs) + " |\n|---|" + "---|" * len(rs)
    m = rs[-1]["machine"]
    lines = ["## Machine", "", f"- `nproc`: {m['nproc']} ({m['cpu']})", f"- Python {m['python']}, rdflib {m['rdflib']}, "
             f"pyoxigraph {m['pyoxigraph']}, {m['platform']}", f"- load average when the largest run started: "
             f"{m['load_average']}", "- `free -h`:", "", "```", m["free_h"], "```", "",
             "## Build", "", head, *build_rows(rs), "",
             "## Loading graph.ttl and the six shipped queries: rdflib (default store) / pyoxigraph (×: how many "
             "times faster)", "", head, *store_rows(rs), "",
             "## `kg query NAME -g graph.ttl --format csv`, end to end (process start, load, query, print); "
             "again: the same command once more, given the answer kept beside the store", "",
             head, *cli_rows(rs), ""]
    return "\n".join(lines)


def main(argv=None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in CHILDREN:
        print(json.dumps(CHILDREN[argv[0]](*argv[1:])))
        return
    p = argparse.ArgumentParser(prog="python3 -m benchmarks.bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=1000, help="articles in the corpus")
    p.add_argument("--jobs", type=int, default=1, help="kg build --jobs")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--work", type=Path, default=Path("/tmp/kg-bench"), help="corpus and outputs go here")
    p.add_argument("--phases", default="incremental,html,stores,cli", help="what to measure after the build")
    p.add_argument("--rdflib-max-triples", type=int, default=3_000_000, help="rdflib store comparison only up to this")
    p.add_argument("--oxigraph-disk", action="store_true", help="pyoxigraph on disk (RocksDB) rather than in memory")
    p.add_argument("--results", type=Path, default=RESULTS, help="folder for <N>-jobs<J>.json")
    p.add_argument("--markdown", action="store_true", help="print the table of every result file and stop")
    args = p.parse_args(argv)
    if args.markdown:
        print(markdown([json.loads(f.read_text()) for f in sorted(args.results.glob("*.json"))]))
        return
    phases = {x for x in args.phases.split(",") if x}
    result = run(args.n, args.jobs, args.work, args.seed, args.rdflib_max_triples, phases, args.oxigraph_disk)
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / f"{args.n}-jobs{args.jobs}.json").write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    print(markdown([result]))


if __name__ == "__main__":
    main()
