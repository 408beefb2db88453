"""Time the hook's matcher alone over the same text for each glossary size."""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarking.corpus import Corpus
from benchmarking.editions import WordMaker, data_file, synthetic_glossary
from benchmarking.yamlio import dump_yaml, load_yaml


def matcher_series(
    source: Path, corpus: Corpus, counts: Sequence[int], actors: int, seed: int,
    repeats: int = 30,
) -> dict[str, Any]:
    """The hook's matcher, in this process, over the same text for glossaries of each size.

    The text is the essay's paragraphs without any generated words, so every glossary
    finds the same occurrences: what changes is only the size of the compiled expression.
    """
    hooks = str(source / "hooks")
    sys.path.insert(0, hooks)
    try:
        from edition.data.glossary import load
        from edition.text.annotate import targets
        from edition.text.matcher import Matcher
    except ImportError as error:
        return {"error": f"cannot import the hook's matcher: {error}"}
    finally:
        sys.path.remove(hooks)
    config = load_yaml(source / "mkdocs.yml")
    real = load_yaml(source / data_file(config, "glossary"))
    text = "\n\n".join(block.text for block in corpus.paragraphs)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for count in counts:
            words = WordMaker(random.Random(f"{seed}:matcher:{count}"), corpus.words)
            data, _ = synthetic_glossary(real, count, actors, words)
            path = Path(tmp) / "glossary.yml"
            path.write_text(dump_yaml(data), encoding="utf-8")
            glossary = load(path)
            start = time.perf_counter()
            matcher = Matcher(targets(glossary))
            compiled = time.perf_counter() - start
            scans = []
            for _ in range(repeats):
                start = time.perf_counter()
                found = list(matcher.finditer(text))
                scans.append(time.perf_counter() - start)
            scan = min(scans)  # the least disturbed by other work on the machine
            rows.append({
                "terms": count, "actors": actors, "forms": len(matcher),
                "compile_ms": compiled * 1000, "scan_ms": scan * 1000,
                "scan_us_per_kib": scan * 1e6 / (len(text.encode()) / 1024),
                "matches": len(found),
            })
    return {"text_kib": len(text.encode()) / 1024, "repeats": repeats, "rows": rows}


