"""Benchmarks for ``summarizer``: one command measures every section and writes docs/benchmarks.{md,json}.

Run ``.venv/bin/python -m benchmarks`` (or ``benchmarks/run.py``); ``--quick`` takes fewer repetitions.
Targets are reported as met or missed in the report, never asserted: a benchmark measures, a test decides.
"""
