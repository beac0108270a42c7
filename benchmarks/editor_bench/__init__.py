"""The measures of benchmarks/bench_editor.py, one module per concern: ``fixtures`` (the generated
maps, the bare-scene baselines, timing helpers), ``opening``, ``drag``, ``render``, ``undo``,
``exports``, ``startup`` (start-up and peak memory, in child processes), ``report`` (targets,
verdicts and the table) and ``profiling``. Each ``bench_*`` returns rows for the report. Imports:
PySide6, the project's packages, and benchmarks/ (mapgen, bench_exports) on sys.path, which
bench_editor.py sets up before importing this package.
"""
