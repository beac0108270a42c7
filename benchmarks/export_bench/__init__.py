"""Parts of benchmarks/bench_exports.py: the maps and the bare-library floors (baselines) and the
event-loop stall of an export in a real window (stall). benchmarks/ and the project on sys.path."""
