"""Benchmark the edition hook: the command line of the ``benchmarking`` package beside it.

    .venv/bin/python scripts/benchmark.py --sizes real,200x500,1000x2000 --runs 3 \\
        --out /tmp/bench --json results.json --write-docs

See ``scripts/benchmarking/__init__.py`` for what it does and ``maintainers/performance.md``
for the method and the findings; ``--help`` lists the options.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmarking.cli import main

if __name__ == "__main__":
    sys.exit(main())
