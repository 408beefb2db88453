"""List every source URL the data files cite, for a link checker (lychee) to read.

Reads ``glossary.yml``, ``notes.yml`` and every other ``X.yml`` with an ``X.schema.json``
beside it: each ``url`` value, and each http(s) link in a text (notes' Markdown), with the
file and line where it is cited. Writes Markdown, one URL per line as an autolink followed by
where it is cited in code (which lychee does not check)::

    python scripts/source_urls.py --output sources.md && lychee sources.md
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from pathlib import Path

import markdown
import yaml

ROOT = Path(__file__).resolve().parent.parent
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SCHEMES = ("http://", "https://")


def data_files(root: Path) -> list[Path]:
    """The data files in ``root``: ``X.yml`` for every ``X.schema.json``."""
    files = (root / f"{s.name.removesuffix('.schema.json')}.yml"
             for s in sorted(root.glob("*.schema.json")))
    return [path for path in files if path.is_file()]


def links_in(text: str) -> list[str]:
    """The http(s) links of ``text`` read as Markdown (so parentheses in URLs survive)."""
    root = etree.fromstring(f"<div>{markdown.markdown(text)}</div>")
    return [a.get("href", "") for a in root.iter("a") if a.get("href", "").startswith(_SCHEMES)]


def urls(path: Path) -> Iterator[tuple[str, int]]:
    """(URL, line) for every source cited in the YAML file at ``path``."""
    root = yaml.compose(path.read_text(encoding="utf-8"), Loader=_LOADER)

    def walk(node: yaml.Node, key: str | None) -> Iterator[tuple[str, int]]:
        if isinstance(node, yaml.MappingNode):
            for key_node, value in node.value:
                yield from walk(value, str(key_node.value))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                yield from walk(item, key)
        elif isinstance(node, yaml.ScalarNode) and isinstance(node.value, str):
            line = node.start_mark.line + 1
            value = node.value.strip()
            if key == "url" and value.startswith(_SCHEMES):
                yield value, line
            elif "://" in value:
                yield from ((url, line) for url in links_in(value))

    if root is not None:
        yield from walk(root, None)


def cited(root: Path) -> dict[str, list[str]]:
    """Every URL, in the order first cited, with where: ``["glossary.yml:23", ...]``."""
    found: dict[str, list[str]] = {}
    for path in data_files(root):
        for url, line in urls(path):
            found.setdefault(url, []).append(f"{path.relative_to(root).as_posix()}:{line}")
    return found


def as_markdown(found: dict[str, list[str]]) -> str:
    """The list for lychee: an autolink per URL, and where it is cited in code spans."""
    lines = ["# Sources cited by the data files", ""]
    for url, places in found.items():
        where = ", ".join(f"`{place}`" for place in places)
        # An autolink holds no space, < or >: those are percent-encoded, as browsers do.
        safe = url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
        lines.append(f"- <{safe}> {where}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="where the data files are")
    parser.add_argument("--output", type=Path, help="write here instead of standard output")
    args = parser.parse_args(argv)
    found = cited(args.root)
    if not found:
        print(f"{args.root}: no source URL found in the data files", file=sys.stderr)
        return 1
    text = as_markdown(found)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"{len(found)} URLs written to {args.output}")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
