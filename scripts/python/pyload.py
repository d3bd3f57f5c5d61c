#!/usr/bin/env python3
"""CPython loading a dictbench dataset's pickles, timed the way dictbench times the JVM; standard library only.

    python3 scripts/python/pyload.py MANIFEST.json [--ways W,...] [--workers 1,2] [--cache warm,cold]
                                     [--processes 3] [--warmups 1] [--shots 3] [--out python.json]
    python3 scripts/python/pyload.py --digest MANIFEST.json    # every file's content digest, as the manifest's

MANIFEST.json is a dataset generated with --format pickle (scripts/dictbench generate SPEC --format pickle): its
files are what CPython's pickle.dump writes at protocol 4, byte for byte. Ways: sequential (pickle.load one file
after another), threads (ThreadPoolExecutor), processes (ProcessPoolExecutor), pool-map and pool-imap
(multiprocessing.Pool's map and imap_unordered), joblib (joblib.Parallel, where joblib imports). Each way, worker
count and cache state runs in --processes fresh interpreters, each running --warmups untimed shots, then --shots
timed ones. A shot loads every file into one dict per file; its time runs from the first open to the last dict in
this interpreter's hands (a pool's workers are started before the first shot, as dictbench's subprocess pool is),
and the time to the first dict is recorded beside it. Cold shots first evict every file from the page cache
(os.posix_fadvise DONTNEED). Outside the timed region each shot's dicts are checked: the first shot's re-pickle
to exactly the file's bytes (so they hold exactly the manifest's content), every later shot's equal the first's.

The output is JMH's JSON shape: one result per way, workers and cache, benchmark python.<Way>.load, params
dataset, format, cache and workers, rawData one list of shot times (ms) per interpreter, secondary metric
firstMapMs, and the interpreter in jdkVersion/vmName. Progress goes to stderr.
"""
import argparse
import concurrent.futures
import json
import multiprocessing
import os
import pickle
import platform
import subprocess
import sys
import time
from array import array

WAYS = {
    "sequential": "Sequential",
    "threads": "ThreadPoolExecutor",
    "processes": "ProcessPoolExecutor",
    "pool-map": "PoolMap",
    "pool-imap": "PoolImapUnordered",
    "joblib": "JoblibParallel",
}
MASK = (1 << 64) - 1
FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3


def fail(message):
    """One line on stderr and exit 2, as every dictbench command does for bad input."""
    print("error: " + message, file=sys.stderr)
    sys.exit(2)


def load(path):
    with open(path, "rb") as f:
        return pickle.load(f)


# --- dictbench.dataset.ContentDigest, in Python -------------------------------------------------------------------

def string_hash(s):
    """FNV-1a over the UTF-16 code units, then the length mixed in, as ContentDigest.hash."""
    units = array("H")
    units.frombytes(s.encode("utf-16-le", "surrogatepass"))
    if sys.byteorder != "little":
        units.byteswap()
    h = FNV_OFFSET
    for c in units:
        h = ((h ^ c) * FNV_PRIME) & MASK
    return h ^ (len(units) << 32)


def fmix64(k):
    k ^= k >> 33
    k = (k * 0xFF51AFD7ED558CCD) & MASK
    k ^= k >> 33
    k = (k * 0xC4CEB9FE1A85EC53) & MASK
    k ^= k >> 33
    return k


def content_digest(d):
    """ContentDigest.of(map).hex(): the sum mod 2^64 of fmix64(hash(key) * golden + hash(value)), 16 hex digits."""
    total = 0
    for k, v in d.items():
        total = (total + fmix64((string_hash(k) * 0x9E3779B97F4A7C15 + string_hash(v)) & MASK)) & MASK
    return "%016x" % total


# --- the child: one fresh interpreter ------------------------------------------------------------------------------

def evict(paths):
    for p in paths:
        fd = os.open(p, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


class Loader:
    """A way of loading the files, its executor made once, before the first shot."""

    def __init__(self, way, workers):
        self.way = way
        self.workers = workers
        self.executor = None
        if way == "threads":
            self.executor = concurrent.futures.ThreadPoolExecutor(workers)
        elif way == "processes":
            self.executor = concurrent.futures.ProcessPoolExecutor(workers)
            for f in [self.executor.submit(pid) for _ in range(workers)]:
                f.result()
        elif way in ("pool-map", "pool-imap"):
            self.executor = multiprocessing.Pool(workers)
            self.executor.map(pid, range(workers))
        elif way == "joblib":
            import joblib
            self.joblib = joblib
            self.executor = joblib.Parallel(n_jobs=workers)
            self.executor(joblib.delayed(pid)() for _ in range(workers))

    def shot(self, paths):
        """Every file's dict, in file order; the seconds to the first dict in hand and to the last."""
        start = time.perf_counter()
        first = None
        dicts = [None] * len(paths)
        if self.way == "sequential":
            for i, p in enumerate(paths):
                dicts[i] = load(p)
                first = first or time.perf_counter()
        elif self.way in ("threads", "processes"):
            futures = {self.executor.submit(load, p): i for i, p in enumerate(paths)}
            for f in concurrent.futures.as_completed(futures):
                dicts[futures[f]] = f.result()
                first = first or time.perf_counter()
        elif self.way == "pool-map":
            dicts = self.executor.map(load, paths, chunksize=1)
            first = time.perf_counter()
        elif self.way == "pool-imap":
            for i, d in self.executor.imap_unordered(indexed_load, list(enumerate(paths)), chunksize=1):
                dicts[i] = d
                first = first or time.perf_counter()
        elif self.way == "joblib":
            dicts = self.executor(self.joblib.delayed(load)(p) for p in paths)
            first = time.perf_counter()
        end = time.perf_counter()
        return dicts, first - start, end - start

    def close(self):
        if self.way in ("threads", "processes"):
            self.executor.shutdown()
        elif self.way in ("pool-map", "pool-imap"):
            self.executor.close()
            self.executor.join()


def pid(_=None):
    """Something for a worker to do, so that a pool's workers start before the first shot."""
    return os.getpid()


def indexed_load(item):
    i, path = item
    return i, load(path)


def check(dicts, files, reference):
    """The first shot's dicts re-pickle to their files' bytes; a later shot's equal the first's."""
    for i, (d, f) in enumerate(zip(dicts, files)):
        if not isinstance(d, dict) or len(d) != f["entries"]:
            raise SystemExit("error: %s: loaded %s entries, the manifest says %d" % (f["path"], len(d), f["entries"]))
        if reference is None:
            with open(f["path"], "rb") as fh:
                if pickle.dumps(d, protocol=4) != fh.read():
                    raise SystemExit("error: %s: the loaded dict does not re-pickle to the file's bytes" % f["path"])
        elif d != reference[i]:
            raise SystemExit("error: %s: this shot's dict differs from the first shot's" % f["path"])


def child(args):
    manifest = read_manifest(args.manifest)
    files = manifest["files"]
    paths = [f["path"] for f in files]
    loader = Loader(args.way, args.workers)
    shots, firsts, reference = [], [], None
    try:
        for n in range(args.warmups + args.shots):
            if args.cache == "cold":
                evict(paths)
            dicts, first, total = loader.shot(paths)
            check(dicts, files, reference)
            if reference is None:
                reference = dicts
            if n >= args.warmups:
                shots.append(total * 1000.0)
                firsts.append(first * 1000.0)
            del dicts
    finally:
        loader.close()
    json.dump({"shots": shots, "firstMap": firsts}, sys.stdout)


# --- the parent -----------------------------------------------------------------------------------------------------

def read_manifest(path):
    try:
        with open(path) as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        fail("%s: cannot read a manifest (%s); generate one: scripts/dictbench generate SPEC --format pickle" % (path, e))
    if manifest.get("format") != "pickle":
        fail("%s is a %s dataset; CPython loads pickles: scripts/dictbench generate %s --format pickle"
             % (path, manifest.get("format"), manifest.get("dataset", "SPEC")))
    base = os.path.dirname(os.path.abspath(path))
    for f in manifest["files"]:
        if not os.path.isfile(f["path"]):  # a dataset directory moved since it was generated: its files sit beside it
            f["path"] = os.path.join(base, os.path.basename(f["path"]))
        if os.path.getsize(f["path"]) != f["bytes"]:
            fail("%s is %d bytes, the manifest says %d: regenerate it" % (f["path"], os.path.getsize(f["path"]), f["bytes"]))
    return manifest


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def metric(raw):
    flat = [x for fork in raw for x in fork]
    mean = sum(flat) / len(flat)
    # no interval here: dictbench's report bootstraps its own from rawData, as it does for JMH's
    return {"score": mean, "scoreError": float("nan"), "scoreConfidence": [float("nan"), float("nan")],
            "scorePercentiles": {"0.0": min(flat), "50.0": median(flat), "100.0": max(flat)},
            "scoreUnit": "ms/op", "rawData": raw}


def parent(args):
    manifest = read_manifest(args.manifest)
    ways = [w.strip() for w in args.ways.split(",") if w.strip()]
    for w in ways:
        if w not in WAYS:
            fail("--ways: unknown way '%s'; known: %s" % (w, ", ".join(WAYS)))
    if "joblib" in ways:
        try:
            import joblib  # noqa: F401
        except ImportError:
            print("joblib is not importable here (Debian: apt-get install python3-joblib); its rows are left out", file=sys.stderr)
            ways.remove("joblib")
    workers = [int(w) for w in args.workers.split(",")]
    caches = [c.strip() for c in args.cache.split(",")]
    for c in caches:
        if c not in ("warm", "cold"):
            fail("--cache: unknown cache state '%s'; known: warm, cold" % c)
    if args.shots < 2 or args.processes < 1 or args.warmups < 0 or any(w < 1 for w in workers):
        fail("--shots must be at least 2 (dictbench's intervals need two), --processes at least 1, --workers at least 1")
    configs = [(w, n, c) for c in caches for w in ways for n in (workers if w != "sequential" else [1])]
    results = []
    started = time.time()
    for k, (way, n, cache) in enumerate(configs, 1):
        raw, firsts = [], []
        for p in range(args.processes):
            print("== python %d/%d: %s, %d worker(s), %s, interpreter %d of %d, %.0f s elapsed"
                  % (k, len(configs), way, n, cache, p + 1, args.processes, time.time() - started), file=sys.stderr)
            cmd = [sys.executable, os.path.abspath(__file__), "--child", args.manifest, "--way", way, "--workers", str(n),
                   "--cache", cache, "--warmups", str(args.warmups), "--shots", str(args.shots)]
            done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            if done.returncode != 0:
                fail("%s with %d worker(s), %s: the interpreter exited with status %d: %s"
                     % (way, n, cache, done.returncode, (done.stderr.strip().splitlines() or ["no message"])[-1]))
            out = json.loads(done.stdout)
            raw.append(out["shots"])
            firsts.append(out["firstMap"])
        results.append({
            "jmhVersion": "dictbench pyload.py", "benchmark": "python.%s.load" % WAYS[way], "mode": "ss", "threads": 1,
            "forks": args.processes, "jvm": sys.executable, "jvmArgs": [], "jdkVersion": platform.python_version(),
            "vmName": "%s %s" % (platform.python_implementation(), platform.python_version()), "vmVersion": sys.version.split()[0],
            "warmupIterations": args.warmups, "warmupTime": "single-shot", "warmupBatchSize": 1,
            "measurementIterations": args.shots, "measurementTime": "single-shot", "measurementBatchSize": 1,
            "params": {"dataset": manifest["dataset"], "format": "pickle", "cache": cache, "workers": str(n)},
            "primaryMetric": metric(raw), "secondaryMetrics": {"firstMapMs": metric(firsts)},
        })
    text = json.dumps(results, indent=2).replace("NaN", '"NaN"')
    if args.out:
        tmp = args.out + ".tmp"
        with open(tmp, "w") as f:
            f.write(text)
        os.replace(tmp, args.out)
        print("wrote %s: %d configurations in %.0f s" % (args.out, len(results), time.time() - started), file=sys.stderr)
    else:
        print(text)


def digests(args):
    manifest = read_manifest(args.manifest)
    out = [{"path": f["path"], "entries": len(d), "digest": content_digest(d)} for f in manifest["files"] for d in [load(f["path"])]]
    json.dump(out, sys.stdout, indent=2)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("manifest")
    ap.add_argument("--ways", default="sequential,threads,processes,pool-map,pool-imap,joblib")
    ap.add_argument("--workers", default="2")
    ap.add_argument("--cache", default="warm,cold")
    ap.add_argument("--processes", type=int, default=3)
    ap.add_argument("--warmups", type=int, default=1)
    ap.add_argument("--shots", type=int, default=3)
    ap.add_argument("--out")
    ap.add_argument("--digest", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--way", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        args.workers = int(args.workers)
        child(args)
    elif args.digest:
        digests(args)
    else:
        parent(args)


if __name__ == "__main__":
    main()
