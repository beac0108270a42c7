"""Start-up and memory, each in a child process: main.py on a file until its first window is shown
and painted, against a bare QMainWindow; the peak RSS (VmHWM) of the editor with a large map open,
against the parsed file and a bare scene of as many items. Start-up also prints the children's CPU
time, a steadier reading than wall time on a shared machine. Imports: the standard library here;
the children import PySide6, main.py and bench_editor.
"""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .fixtures import ROOT, map_file, paired

# Peak RSS is VmHWM: ru_maxrss would carry over the parent's peak across exec on Linux.
PEAK_RSS = ("int(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))")
# Runs main.py as `python main.py FILE` would, except that the event loop returns as soon as the
# first window is shown and painted; prints the seconds since the interpreter started, the peak
# RSS and the windows shown. The bare script does the same with a QMainWindow.
STARTUP_SCRIPT = """
import importlib.util, os, runpy, sys, time

def first_show_only(*_args):
    from PySide6.QtWidgets import QApplication
    for _ in range(3):
        QApplication.processEvents()
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    print(time.time(), PEAK_RSS(), len(shown))
    return 0

class PatchExec:
    # Patches QApplication.exec as PySide6.QtWidgets loads, without loading Qt before main.py
    # does: PySide6 slows every import that follows it, so the order of imports is measured too.
    def find_spec(self, name, path, target=None):
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            module.QApplication.exec = first_show_only
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, PatchExec())
sys.argv = ["main.py", sys.argv[1]]
runpy.run_path(os.path.join(ROOT, "main.py"), run_name="__main__")
"""
BARE_STARTUP_SCRIPT = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1600, 1000)
window.show()
for _ in range(3):
    QApplication.processEvents()
print(time.time(), PEAK_RSS(), 1)
"""
# The bare floor for memory: the same file parsed and a bare scene of as many items, on screen.
BARE_MEMORY_SCRIPT = """
import json, sys, time
sys.path.insert(0, ROOT + "/benchmarks")
from PySide6.QtWidgets import QApplication, QGraphicsView
app = QApplication(sys.argv[:1])
from bench_editor import bare_scene, grid_entries
scene = bare_scene(grid_entries(json.loads(open(sys.argv[1], encoding="utf-8").read())))
view = QGraphicsView(scene)
view.resize(1600, 1000)
view.show()
for _ in range(3):
    QApplication.processEvents()
print(time.time(), PEAK_RSS(), 1)
"""


def children_cpu() -> float:
    """CPU seconds (user + system) of the children that have ended so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_child(script: str, argument: str, home: Path) -> tuple[float, float, int]:
    """(seconds from launching the child to its first painted window, peak RSS in MiB, windows
    shown). The child's exit (freeing a large map) is not start-up and is not counted."""
    prologue = (f"import time\nSTART = time.perf_counter()\nROOT = {str(ROOT)!r}\n"
                f"PEAK_RSS = lambda: {PEAK_RSS}\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home),
               XDG_CONFIG_HOME=str(home / "config"), PYTHONPATH=str(ROOT))
    # As installed (pip compiles every module): the warm-up run leaves the compiled modules.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    began = time.time()  # the child reports the wall-clock time of its first paint
    out = subprocess.run([sys.executable, "-c", prologue + script, argument], env=env, cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]) - began, int(out[1]) / 1024, int(out[2])


def bench_startup(sizes, runs: int) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        for size in sizes:
            path = str(map_file(size))
            ours_mem, bare_mem, ours_cpu, bare_cpu = [], [], [], []

            def ours(path=path, memory=ours_mem, cpu=ours_cpu) -> float:
                began = children_cpu()
                wall, rss, shown = run_child(STARTUP_SCRIPT, path, home)
                cpu.append(children_cpu() - began)
                assert shown == 1, "the editor window did not show"
                memory.append(rss)
                return wall

            def bare(memory=bare_mem, cpu=bare_cpu) -> float:
                began = children_cpu()
                wall, rss, _ = run_child(BARE_STARTUP_SCRIPT, "", home)
                cpu.append(children_cpu() - began)
                memory.append(rss)
                return wall

            ours(), bare()
            del ours_cpu[:], bare_cpu[:]  # the warm-up runs
            mine, floor, ratio = paired(runs, ours, bare)
            # CPU time (the children's, to their exit) wanders less than wall time on a shared
            # machine: a second reading of the same ratio.
            cpu = statistics.median(ours_cpu), statistics.median(bare_cpu)
            rows.append(dict(what="startup", size=size, ours=mine, bare=floor, ratio=ratio,
                             rss=statistics.median(ours_mem), cpu=cpu))
            print(f"start-up {size:>6,}: {mine:.2f} s vs {floor:.2f} s ({ratio:.2f}×); CPU "
                  f"{cpu[0]:.2f} s vs {cpu[1]:.2f} s ({cpu[0] / cpu[1]:.2f}×); "
                  f"peak RSS {rows[-1]['rss']:.0f} MiB", flush=True)
    return rows


def bench_memory(size: int, runs: int) -> list[dict]:
    """Peak RSS of the editor with the map open and shown, next to the bare floor."""
    path = str(map_file(size))
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        ours = statistics.median(run_child(STARTUP_SCRIPT, path, home)[1] for _ in range(runs))
        floor = statistics.median(run_child(BARE_MEMORY_SCRIPT, path, home)[1] for _ in range(runs))
    print(f"peak RSS {size:,}: {ours:.0f} MiB vs bare {floor:.0f} MiB", flush=True)
    return [dict(what="memory", size=size, ours=ours, bare=floor, ratio=ours / floor)]
