"""Benchmark the edition hook on the real edition and on synthetic editions scaled up.

Each edition is built with the hook, without it (no ``hooks:``, no glossary and actor
pages) and with Material's documented glossary approach, Python-Markdown's ``abbr``
extension, fed (a) by ``pymdownx.snippets`` ``auto_append`` and (b) by ``abbr``'s own
``glossary`` option. Builds are child processes, interleaved, several runs each; the
report gives medians. See ``maintainers/performance.md`` for the method and the findings.

    .venv/bin/python scripts/benchmark.py --sizes real,200x500,1000x2000 --runs 3 \\
        --out /tmp/bench --json results.json --write-docs

A size is ``real`` (``docs/`` as is, but for this benchmark's own page
``maintainers/performance.md``) or ``NxM`` / ``NxMxA``: N essay pages, M glossary terms and A
actors (default ``max(real actors, M // 10)``), real entries plus generated ones.

One job a module, in the order a run goes: ``settings`` (paths, variants), ``corpus`` and
``editions`` (generating editions; ``yamlio`` keeps MkDocs' YAML tags), ``builds`` (running
builds as child processes, with ``timing_hook.py`` timing the hook inside them),
``sitestats``, ``profiles``, ``serve`` and ``matcher`` (measuring), ``run`` (one edition,
end to end), ``report`` (writing the report) and ``cli`` (the command line).
"""
