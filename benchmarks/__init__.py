"""Benchmarks for ``summarizer``: one command measures every section and writes docs/benchmarks.{md,json}.

Run ``.venv/bin/python -m benchmarks`` from the repository root (about 15 minutes on 2 cores); ``--quick``
takes fewer repetitions, ``--only N`` re-runs one section. Targets are reported as met or missed, never
asserted: a benchmark measures, a test decides.
"""
