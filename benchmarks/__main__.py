"""``python -m benchmarks``: the same entry point as ``benchmarks/run.py``."""

from benchmarks.run import main

raise SystemExit(main())
