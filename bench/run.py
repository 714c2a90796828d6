"""Pipeline speed: dyads against bare spaCy on the same texts, in one run; writes BENCHMARKS.md.

Input: the benchmark corpus built by ``bench/make_corpus.py`` (>= 2 MB of French text from the
demo articles) and, when present, the unlabelled French corpus
``../shared/corpus/semeval2023-fr-unlabelled.jsonl`` (read in place, never copied).
Output: a table on stdout and the section between ``<!-- pipeline -->`` and ``<!-- /pipeline -->``
of BENCHMARKS.md (the rest of the file, e.g. the ``<!-- store -->`` section, is kept); then
``bench/bench_store.py`` for the store section (``--no-store`` skips it).
Guarantees: every measurement runs in a fresh process (``run.py --task ...``), so each pays its
own start-up and has its own memory; the parent samples the memory of that process tree
(proportional set size, so pages shared by forked workers count once). Times are wall clock
and CPU (user + system of the process and its workers). "Parse" and "extract" times exclude
start-up (imports, model and data loading), which is reported on its own.

    .venv/bin/python bench/run.py            # make bench
    .venv/bin/python bench/run.py --quick    # 200 kB smoke run, BENCHMARKS.md untouched
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import sections  # bench/ is on sys.path when run as a script

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BENCHMARKS = ROOT / "BENCHMARKS.md"
OUT = ROOT / "out" / "bench"
REAL_FR = ROOT.parent / "shared" / "corpus" / "semeval2023-fr-unlabelled.jsonl"
START, END = "<!-- pipeline -->", "<!-- /pipeline -->"
MODEL = "fr_core_news_md"
WARM_UP_TEXT = ("Le ministre des Affaires étrangères a annoncé lundi l'expulsion de deux diplomates "
                "russes, accusés d'activités incompatibles avec leur statut, a indiqué son porte-parole.")
BATCH = 16  # articles per nlp.pipe batch, for dyads (Settings.batch_size) and bare spaCy alike


# -- the measured tasks (each in its own process) --------------------------------------------

def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _texts(corpus: Path) -> list[str]:
    with corpus.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def task_bare(corpus: Path, processes: int) -> dict:
    """spaCy alone: load the model, parse every text with nlp.pipe."""
    wall0, cpu0 = time.perf_counter(), _cpu()
    import spacy

    nlp = spacy.load(MODEL)
    texts = _texts(corpus)
    wall1, cpu1 = time.perf_counter(), _cpu()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=BATCH, n_process=processes))
    wall2, cpu2 = time.perf_counter(), _cpu()
    return {"startup": wall1 - wall0, "startup_cpu": cpu1 - cpu0, "work": wall2 - wall1,
            "work_cpu": cpu2 - cpu1, "articles": len(texts), "tokens": tokens,
            "words": sum(len(t.split()) for t in texts)}


def task_dyads(corpus: Path, workers: int) -> dict:
    """The whole dyads pipeline as `dyads extract` runs it: read, detect, extract, write JSON lines."""
    wall0, cpu0 = time.perf_counter(), _cpu()
    import dyads
    from dyads.extract.geo import lookup_place
    from dyads.extract.kb import load_kb
    from dyads.ingest.langid import detect_language
    from dyads.nlp import load_pipeline

    load_pipeline("fr")  # what every run loads first, timed as start-up
    load_kb("fr")
    lookup_place("Paris")
    detect_language(WARM_UP_TEXT)  # >= 120 characters, as articles: lingua loads its trigram models only
    wall1, cpu1 = time.perf_counter(), _cpu()
    articles = failed = 0
    with open(os.devnull, "w", encoding="utf-8") as out:
        for item in dyads.extract([str(corpus)], workers=workers):
            if isinstance(item, dyads.Document):
                articles += 1
                out.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
            else:
                failed += 1
    wall2, cpu2 = time.perf_counter(), _cpu()
    return {"startup": wall1 - wall0, "startup_cpu": cpu1 - cpu0, "work": wall2 - wall1,
            "work_cpu": cpu2 - cpu1, "articles": articles, "failed": failed}


STAGES = ("find_mentions", "to_entities", "find_timexes", "find_quotes", "code_events")


def task_stages(corpus: Path, articles: int) -> dict:
    """One process, the first ``articles`` articles: CPU seconds of bare parsing and of each
    dyads stage (reading + cleaning, language detection, parsing, each extractor, JSON)."""
    import time as clock

    import dyads
    import dyads.ingest
    import dyads.ingest.text
    import dyads.pipeline
    from dyads.extract.geo import lookup_place
    from dyads.extract.kb import load_kb
    from dyads.ingest.langid import detect_language
    from dyads.nlp import load_pipeline

    nlp = load_pipeline("fr")
    load_kb("fr")
    lookup_place("Paris")
    detect_language(WARM_UP_TEXT)
    sample = OUT / "stages.jsonl"
    with corpus.open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
        dst.writelines(line for _, line in zip(range(articles), src))
    texts = _texts(sample)
    spent: dict[str, float] = dict.fromkeys(["bare parse", "read + clean", "language detection", "parse",
                                             *STAGES, "JSON"], 0.0)

    def timed(name: str, fn):
        def wrapper(*args, **kwargs):
            started = clock.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += clock.process_time() - started
        return wrapper

    started = clock.process_time()
    for _doc in nlp.pipe(texts, batch_size=BATCH):
        pass
    spent["bare parse"] = clock.process_time() - started
    pipe = nlp.pipe
    nlp.pipe = lambda texts, **kw: iter(timed("parse", lambda: list(pipe(texts, **kw)))())
    dyads.ingest.text.detect_language = timed("language detection", dyads.ingest.text.detect_language)
    for name in STAGES:
        if hasattr(dyads.pipeline, name):
            setattr(dyads.pipeline, name, timed(name, getattr(dyads.pipeline, name)))
    started = clock.process_time()
    articles_out = list(dyads.ingest.read_inputs([str(sample)]))
    spent["read + clean"] = clock.process_time() - started - spent["language detection"]
    total = clock.process_time()
    documents = list(dyads.extract(articles_out, workers=1))
    total = clock.process_time() - total
    started = clock.process_time()
    for document in documents:
        json.dumps(document.to_dict(), ensure_ascii=False)
    spent["JSON"] = clock.process_time() - started
    spent["other (Documents, batching)"] = total - sum(spent[k] for k in ("parse", *STAGES))
    return {"articles": len(texts), "words": sum(len(t.split()) for t in texts), "spent": spent}


TASKS = {"bare": task_bare, "dyads": task_dyads, "stages": task_stages}


# -- running a task and sampling its memory ----------------------------------------------------

def tree_memory(pid: int) -> tuple[int, int]:
    """(sum of PSS, sum of RSS) in bytes over a process and its descendants."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0, 0
    pss = rss = 0
    for proc in procs:
        try:
            info = proc.memory_full_info()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        pss += getattr(info, "pss", info.rss)
        rss += info.rss
    return pss, rss


def run_task(task: str, corpus: Path, n: int) -> dict:
    """Run one task in a fresh interpreter; add its peak memory and total wall time."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--task", task, "--corpus", str(corpus), "-n", str(n)]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    peak_pss = peak_rss = 0
    while proc.poll() is None:
        pss, rss = tree_memory(proc.pid)
        peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
        time.sleep(0.2)
    out = proc.stdout.read() if proc.stdout else ""
    if proc.returncode != 0:
        raise SystemExit(f"task {task} on {corpus} failed (exit {proc.returncode})")
    result = json.loads(out.strip().splitlines()[-1])
    result.update(total=time.perf_counter() - started, peak_pss=peak_pss, peak_rss=peak_rss)
    return result


# -- the report --------------------------------------------------------------------------------

def corpus_info(corpus: Path) -> dict:
    texts = _texts(corpus)
    return {"articles": len(texts), "bytes": sum(len(t.encode("utf-8")) for t in texts),
            "words": sum(len(t.split()) for t in texts)}


CONFIGS = {"bare1": ("bare", 1), "dyads1": ("dyads", 1), "bare2": ("bare", 2), "dyads2": ("dyads", 2)}


def best(results: list[dict]) -> dict:
    """Several runs of one configuration: the least time of each kind, the most memory."""
    out = dict(results[0])
    for key in ("startup", "startup_cpu", "work", "work_cpu", "total"):
        out[key] = min(r[key] for r in results)
    for key in ("peak_pss", "peak_rss"):
        out[key] = max(r[key] for r in results)
    out["runs"] = len(results)
    return out


def measure(corpus: Path, *, big: Path | None, repeat: int) -> dict:
    """The runs on one corpus: bare spaCy and dyads at 1 and 2 processes, interleaved ``repeat``
    times (best of each), and dyads on ``big`` once."""
    results: dict[str, list[dict]] = {name: [] for name in CONFIGS}
    for _ in range(repeat):
        for name, (task, n) in CONFIGS.items():
            results[name].append(run_task(task, corpus, n))
    runs = {name: best(found) for name, found in results.items()}
    if big is not None:
        runs["dyads2_big"] = run_task("dyads", big, 2)
    return runs


def _mb(n: int) -> str:
    return f"{n / 1e6:,.0f}"


def rows(name: str, info: dict, runs: dict) -> list[str]:
    words = info["words"]
    out = []
    for key, label in (("bare1", "bare spaCy, 1 process"), ("dyads1", "dyads, 1 worker"),
                       ("bare2", "bare spaCy, 2 processes"), ("dyads2", "dyads, 2 workers")):
        r = runs[key]
        bare = runs["bare" + key[-1]]
        ratio = f"{r['work'] / bare['work']:.2f} ({r['work_cpu'] / bare['work_cpu']:.2f})" if key.startswith("dyads") else "1"
        out.append(f"| {name} | {label} | {r['startup']:.1f} | {r['work']:.1f} ({r['work_cpu']:.1f}) | "
                   f"{words / r['work']:,.0f} | {info['articles'] / r['work']:.1f} | {ratio} | "
                   f"{_mb(r['peak_pss'])} ({_mb(r['peak_rss'])}) |")
    return out


def render(results: dict, argv: str = "", stages: dict | None = None) -> str:
    lines = [
        START,
        "## Extraction pipeline (bench/run.py)",
        "",
        f"{date.today().isoformat()}, dyads {_commit()}, spaCy {_version('spacy')}, {MODEL} "
        f"{_version(MODEL)}, Python {platform.python_version()}, {_cpu_name()}, {os.cpu_count()} cores "
        "(shared with other jobs while measured: wall times vary, CPU times less so).",
        "",
        (f"Reproduce: `.venv/bin/python bench/run.py {argv}` (`make bench` runs it without options)."
         if argv else "Reproduce: `make bench` (= `.venv/bin/python bench/run.py`).")
        + f" {_repeats(results)} The synthetic corpus is "
        "`bench/make_corpus.py`: the 11 French demo articles repeated with new ids, datelines and "
        "paragraph order (ingest drops repeated texts), no `language` field, so detection is "
        "part of dyads' time. Every run is a fresh process. *Parse / extract* is the time after "
        "start-up: bare spaCy runs `nlp.pipe(texts, batch_size=16)` (`n_process=2` for two); dyads "
        "runs `dyads.extract(path, workers=N)` as `dyads extract` does: read the JSONL, clean, "
        "detect the language, parse, extract, serialise every Document to JSON. *Ratio* is dyads "
        "÷ bare spaCy with the same number of processes, wall (CPU); the target is ≤ 1.25.",
        "",
        "| corpus | run | start-up (s) | parse / extract, wall (CPU) s | words/s | articles/s | "
        "ratio to bare spaCy | peak memory MB, PSS (RSS sum) |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, (info, runs) in results.items():
        lines += rows(name, info, runs)
    lines.append("")
    for name, (info, runs) in results.items():
        one, two = runs["dyads1"], runs["dyads2"]
        lines.append(f"- **{name}** ({info['articles']:,} articles, {info['bytes'] / 1e6:.1f} MB of text, "
                     f"{info['words']:,} words): 2 workers are {one['work'] / two['work']:.2f}× as fast "
                     f"as 1 (bare spaCy: {runs['bare1']['work'] / runs['bare2']['work']:.2f}×).")
        if "dyads2_big" in runs:
            big, big_info = runs["dyads2_big"], runs["big_info"]
            lines.append(f"- Memory at 2 workers: {_mb(two['peak_pss'])} MB PSS for the corpus, "
                         f"{_mb(big['peak_pss'])} MB for 4× the corpus ({big_info['articles']:,} articles, "
                         f"{big_info['bytes'] / 1e6:.1f} MB; extract {big['work']:.0f} s): the stream is "
                         "bounded, memory does not grow with the corpus. Target ≤ 1.5 GB.")
    lines.append("- Bare spaCy with `n_process=2` sends every parsed Doc back to its parent process; dyads' "
                 "workers send back Documents and the parent reads, cleans and detects the language of the "
                 "next articles, so compare CPU as well as wall time.")
    if stages:
        lines += stage_rows(stages)
    lines.append(END)
    return "\n".join(lines)


def stage_rows(stages: dict) -> list[str]:
    n, spent = stages["articles"], stages["spent"]
    bare = spent["bare parse"]
    lines = ["", f"Where the time goes: one process, the first {n} articles of the synthetic corpus, "
             "CPU time per article and as a share of bare spaCy's parse of the same texts "
             "(`bench/run.py --task stages`).", "",
             "| stage | ms/article | % of bare parse |", "|---|---:|---:|"]
    for name, seconds in spent.items():
        lines.append(f"| {name} | {seconds * 1000 / n:.2f} | {seconds / bare * 100:.1f} |")
    extra = sum(v for k, v in spent.items() if k not in ("bare parse", "parse"))
    lines.append(f"| **all of dyads' own work** | {extra * 1000 / n:.2f} | {extra / bare * 100:.1f} |")
    return lines


def _repeats(results: dict) -> str:
    runs = max(r.get("runs", 1) for _info, found in results.values() for r in found.values()
               if isinstance(r, dict) and "work" in r)
    return (f"Each line is the best of {runs} interleaved runs (least time, most memory)."
            if runs > 1 else "Each line is one run.")


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def write_section(section: str, path: Path = BENCHMARKS) -> None:
    """Replace our section of BENCHMARKS.md, or append it; other sections are kept."""
    sections.write_section(section, START, END, path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--task", choices=sorted(TASKS), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("-n", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, default=2_000_000, help="bytes of text in the synthetic corpus")
    parser.add_argument("--repeat", type=int, default=1, help="interleaved runs of each configuration (best kept)")
    parser.add_argument("--quick", action="store_true", help="200 kB, no 4x run, no real corpus, no write")
    parser.add_argument("--no-real", action="store_true", help="skip the unlabelled real corpus")
    parser.add_argument("--no-store", action="store_true", help="skip bench/bench_store.py")
    parser.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = parser.parse_args()
    if args.task:
        print(json.dumps(TASKS[args.task](args.corpus, args.n)))
        return 0
    sys.path.insert(0, str(BENCH))
    from make_corpus import write_corpus

    size = 200_000 if args.quick else args.size
    corpus, big = OUT / "corpus.jsonl", OUT / "corpus-4x.jsonl"
    write_corpus(corpus, size=size)
    results: dict = {}
    if not args.quick:
        write_corpus(big, size=size, times=4)
    runs = measure(corpus, big=None if args.quick else big, repeat=args.repeat)
    if not args.quick:
        runs["big_info"] = corpus_info(big)
    results["synthetic (demo ×)"] = (corpus_info(corpus), runs)
    if REAL_FR.is_file() and not (args.quick or args.no_real):
        results["real (semeval2023-fr)"] = (corpus_info(REAL_FR), measure(REAL_FR, big=None, repeat=args.repeat))
    stages = run_task("stages", corpus, 400)
    section = render(results, argv=" ".join(sys.argv[1:]), stages=stages)
    print(section)
    if not (args.quick or args.no_write):
        write_section(section)
    if not (args.quick or args.no_store):
        subprocess.run([sys.executable, str(BENCH / "bench_store.py")]
                       + (["--no-write"] if args.no_write else []), cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
