"""What a pull request does to the apparatus, as Markdown for the job summary.

Compares the data files (``glossary.yml``, ``notes.yml``, and every other ``X.yml`` with an
``X.schema.json`` beside it) of a base with those of the work tree, and lists the entries and
notes added, removed or changed, and the pages they touch::

    python scripts/pr_summary.py --base origin/main >> "$GITHUB_STEP_SUMMARY"
    python scripts/pr_summary.py --base origin/main --head-site site --build-base
    python scripts/pr_summary.py --base-dir old/ --head-dir new/ --base-site a/ --head-site b/

"Pages affected" is exact when the summary has two built sites, the base's and the pull
request's: each page's content (the ``ed-text`` element that ``main.html`` puts it in, and
the title) is compared, so a renumbered note, a count on the colophon or a place on the map
is listed as it changed. The menus are left out: one new actor would mark every page. Without
the two sites, the pages are estimated from the data files, and the summary says so.

The files are a pull request's text, so they are untrusted: they are read as plain, safe YAML
(no anchors, aliases or tags beyond the plain ones), and every value written into the summary
is escaped Markdown.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import yaml  # noqa: E402

from edition.data import datafile  # noqa: E402
from edition.data.characters import visible  # noqa: E402
from edition.data.datafile import MAX_BYTES, DataFileError, plain  # noqa: E402
from edition.data.forms import fold  # noqa: E402
from edition.data.glossary import slugify  # noqa: E402
from edition.pages.links import literal  # noqa: E402
from edition.text.matcher import Matcher  # noqa: E402

#: The key that names an entry in each list, first found wins.
NAME_KEYS = ("term", "name", "quote", "title", "event")
#: The key that names an entry of a known list: an actor's ``term`` is the glossary term it
#: is one with, not its name.
LIST_NAME_KEYS = {"terms": "term", "actors": "name", "notes": "quote"}
#: Generated pages, by the list whose entries they show.
LIST_PAGES = {
    "terms": ["glossary.md"],
    "actors": ["actors/index.md"],
    "notes": ["notes.md"],
    "events": ["timeline.md"],
}
PAGE_TITLES = {
    "glossary.md": "Glossary", "notes.md": "Editor's notes", "timeline.md": "Timeline",
    "actors/index.md": "Actors",
}
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MAX_TEXT = 80
#: GitHub's limit for one step's job summary (1 MiB); a longer one is not shown at all.
SUMMARY_LIMIT = 1024 * 1024
#: What GitHub's autolinking starts from: a scheme's colon, an e-mail's at sign ("www."'s
#: dot is escaped by :func:`literal` already).
_AUTOLINK = re.compile(r"[:@]")


def data_files(root: Path) -> list[str]:
    """The data files of the edition: ``X.yml`` for every ``X.schema.json`` in ``root``."""
    return sorted(f"{schema.name.removesuffix('.schema.json')}.yml"
                  for schema in root.glob("*.schema.json"))


def from_dir(folder: Path) -> Callable[[str], bytes | None]:
    """Read data files from a folder (an unreadable file raises :class:`OSError`)."""
    def read(name: str) -> bytes | None:
        path = folder / name
        return path.read_bytes() if path.exists() else None
    return read


def from_git(revision: str, repository: Path = ROOT) -> Callable[[str], bytes | None]:
    """Read data files as they are at ``revision`` (``git show REV:name``)."""
    def read(name: str) -> bytes | None:
        proc = subprocess.run(["git", "show", f"{revision}:{name}"], cwd=repository,
                              capture_output=True, timeout=60)
        return proc.stdout if proc.returncode == 0 else None
    return read


def safe_yaml(data: bytes) -> Any:
    """Plain YAML: no anchors or aliases (the build refuses them too), bounded size."""
    if len(data) > MAX_BYTES:
        raise ValueError(f"is over {MAX_BYTES:,} bytes")
    text = data.decode("utf-8")
    try:  # the build's own checks first: anchors, depth, characters YAML refuses
        datafile._compose(text, "file")
    except DataFileError as error:
        raise ValueError("; ".join(p.message for p in error.problems)) from None
    return yaml.load(text, Loader=_LOADER)


@dataclass
class Entry:
    """One entry of a data file's list, as the summary sees it."""

    list: str
    key: str
    name: str
    value: dict[str, Any]

    def forms(self) -> list[str]:
        """The words the essay uses for it: a term and its aliases, an actor's aliases."""
        aliases = self.value.get("aliases")  # a number or a yes is the build's problem
        words = [self.value.get("term"), *(aliases if isinstance(aliases, list) else [])]
        return [w for w in words if isinstance(w, str) and w.strip()]

    def dated(self) -> bool:
        """Whether the entry refers to dated events (so the timeline links to it)."""
        return bool(self.value.get("events"))


def entries(value: Any) -> dict[tuple[str, str], Entry]:
    """Every entry of every list in a data file's value, by (list, key)."""
    found: dict[tuple[str, str], Entry] = {}
    if not isinstance(value, dict):
        return found
    for list_name, items in value.items():
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            keys = (LIST_NAME_KEYS[list_name],) if list_name in LIST_NAME_KEYS else NAME_KEYS
            name = next((str(item[k]) for k in keys if isinstance(item.get(k), str)),
                        f"#{index + 1}")
            # An event is named by its id and description, not by its number.
            if list_name == "events" and isinstance(item.get("id"), str):
                described = item.get("description")
                name = item["id"] + (f": {described}" if isinstance(described, str) else "")
            key = str(item.get("id") or (name if list_name == "notes" else slugify(name)))
            while (list_name, key) in found:  # a duplicate: the build reports it
                key += "+"
            found[list_name, key] = Entry(list_name, key, name, item)
    return found


@dataclass
class FileChange:
    """What changed in one data file."""

    name: str
    added: list[Entry] = field(default_factory=list)
    removed: list[Entry] = field(default_factory=list)
    changed: list[tuple[Entry, Entry, list[str]]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    status: str = "changed"  # or "added", "removed", "unchanged"
    #: Whether a version could not be read at all, so no entry could be compared.
    unreadable: bool = False

    @property
    def touched(self) -> list[Entry]:
        """Every entry added, removed or changed, old and new versions."""
        return self.added + self.removed + [e for old, new, _ in self.changed for e in (old, new)]


def compare_read(name: str, old: Callable[[str], bytes | None],
                 new: Callable[[str], bytes | None]) -> FileChange:
    """:func:`compare` of ``name`` as ``old`` and ``new`` read it; a file that cannot be read
    at all is a problem of the summary, never "no change"."""
    data = []
    for label, read in (("base", old), ("this pull request", new)):
        try:
            data.append(read(name))
        except OSError as error:
            return FileChange(name, unreadable=True, problems=[
                f"in {label} the file cannot be read ({error.strerror or error}); check that "
                "it is a readable file."])
    return compare(name, data[0], data[1])


def compare(name: str, old: bytes | None, new: bytes | None) -> FileChange:
    """What changed in data file ``name`` between two versions of its bytes."""
    change = FileChange(name)
    if old == new:
        change.status = "unchanged"
        return change
    if old is None:
        change.status = "added"
    elif new is None:
        change.status = "removed"
    values = []
    for label, data in (("base", old), ("this pull request", new)):
        try:
            values.append(safe_yaml(data) if data is not None else None)
        except (ValueError, UnicodeDecodeError, yaml.YAMLError) as error:
            change.problems.append(f"in {label} the file cannot be read as YAML ({error})")
            values.append(None)
    if new is not None and not change.problems:
        change.problems += validate(name, new)
    if change.problems and any(data is not None and value is None
                               for data, value in zip((old, new), values, strict=True)):
        # A file that cannot be read is reported as such, not as every entry removed.
        change.unreadable = True
        return change
    before, after = entries(values[0]), entries(values[1])
    change.added = [after[k] for k in after if k not in before]
    change.removed = [before[k] for k in before if k not in after]
    for key in before.keys() & after.keys():
        # A key YAML reads as a number or a yes/no (``1:``, ``yes:``) is named as written.
        fields = sorted(str(k) for k in before[key].value.keys() | after[key].value.keys()
                        if before[key].value.get(k) != after[key].value.get(k))
        if fields:
            change.changed.append((before[key], after[key], fields))
    change.changed.sort(key=lambda item: list(after).index((item[1].list, item[1].key)))
    return change


def validate(name: str, data: bytes) -> list[str]:
    """The build's problems with the file, if the edition has a loader for it."""
    try:
        module = importlib.import_module(f"edition.data.{name.removesuffix('.yml')}")
    except ImportError:
        return []
    parse = getattr(module, "parse", None)
    if parse is None:
        return []
    try:
        parse(data, name)
    except DataFileError as error:
        return [str(problem) for problem in error.problems]
    except Exception as error:  # never a traceback in the summary
        return [f"{name}: the file could not be checked ({type(error).__name__}); run "
                "`mkdocs build --strict` to see why."]
    return []


def essay_pages(docs: Path) -> dict[str, str]:
    """The hand-written pages' Markdown, by path under ``docs``."""
    return {page.relative_to(docs).as_posix(): page.read_text(encoding="utf-8")
            for page in sorted(docs.rglob("*.md"))}


def pages_affected(changes: Iterable[FileChange], pages: dict[str, str]) -> list[str]:
    """The pages whose content the changes alter: generated pages and essay pages."""
    affected: set[str] = set()
    for change in changes:
        for entry in change.touched:
            affected.update(LIST_PAGES.get(entry.list, []))
            if entry.list == "actors":
                affected.add(f"actors/{entry.value.get('id') or slugify(entry.name)}.md")
            if entry.dated():
                affected.add("timeline.md")
            words = entry.forms() if entry.list != "notes" else [entry.name]
            case = entry.value.get("case", "auto") if entry.list != "notes" else "exact"
            affected.update(p for p in pages if occurs(words, str(case), pages[p]))
    return sorted(affected, key=lambda p: (p not in PAGE_TITLES, p))


def site_pages(site: Path) -> dict[str, bytes]:
    """Each page of a built site by its address ("glossary/"), as what a reader reads there:
    the title and the page's content (``main.html``'s ``div.ed-text``), serialized again by
    lxml; the menus and the sidebars, which list every page, are left out."""
    from lxml import etree, html

    found = {}
    for path in sorted(site.rglob("*.html")):
        tree = html.fromstring(path.read_bytes())
        parts = tree.xpath("//title") + (tree.xpath("//div[@class='ed-text']")
                                         or tree.xpath("//article") or tree.xpath("//body"))
        address = path.relative_to(site).as_posix().removesuffix("index.html") or "/"
        found[address] = b"".join(etree.tostring(part, method="html") for part in parts)
    return found


def built_pages_affected(base_site: Path, head_site: Path) -> list[str]:
    """The addresses of the pages added, removed or changed between two built sites."""
    base, head = site_pages(base_site), site_pages(head_site)
    return sorted(address for address in base.keys() | head.keys()
                  if base.get(address) != head.get(address))


def build_base(revision: str, repository: Path = ROOT) -> Path | None:
    """The site of ``revision``, built (not strictly: the base's own warnings are not this
    pull request's) from a detached work tree of it; None if it cannot be built."""
    folder = Path(tempfile.mkdtemp(prefix="pr-summary-"))
    tree, site = folder / "base", folder / "site"
    added = subprocess.run(["git", "worktree", "add", "--detach", str(tree), revision],
                           cwd=repository, capture_output=True, timeout=300)
    if added.returncode != 0:
        return None
    try:
        built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                               cwd=tree, capture_output=True, timeout=1800)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=repository,
                       capture_output=True, timeout=300)
    return site if built.returncode == 0 else None


def occurs(words: list[str], case: str, text: str) -> bool:
    """Whether any of ``words`` occurs in ``text`` as the build's matcher finds it."""
    unique = {fold(word): word for word in words}.values()
    matcher = Matcher((word, case, word) for word in unique)
    return next(matcher.finditer(text), None) is not None


def md(text: Any, limit: int | None = _MAX_TEXT) -> str:
    """Untrusted text as Markdown that renders exactly as that text, shortened to ``limit``
    (None: whole), on one line, every invisible character shown as its code point.

    The summary is GitHub-flavoured Markdown, whose tables (unlike the site's Markdown) split
    cells at "|" and strike through at "~": those are escaped too.
    """
    flat = plain(visible(str(text)))
    if limit is not None and len(flat) > limit:
        flat = flat[: _MAX_TEXT - 1] + "…"
    # GitHub links a bare address (https://, www., name@host) in text; its ":" or "@" as a
    # character reference (and "www."'s dot escaped) shows the same character and leaves
    # nothing to link, in CommonMark and in Python-Markdown alike.
    escaped = literal(flat).replace("|", "\\|").replace("~", "\\~")
    return _AUTOLINK.sub(lambda m: f"&#{ord(m.group())};", escaped)


def code(text: Any) -> str:
    """A file name as a code span nothing in it can close: a fence longer than
    any run of backticks in it, on one line, invisible characters shown as code points.
    GitHub renders a code span's text as text, never as HTML or an image."""
    flat = plain(visible(str(text)))
    runs = [len(r) for r in "".join(c if c == "`" else " " for c in flat).split()]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


KIND = {"terms": "term", "actors": "actor", "notes": "note", "events": "event"}


def label(entry: Entry) -> str:
    """How the summary names an entry: its kind and name; a note by its id."""
    if entry.list == "notes" and isinstance(entry.value.get("id"), str):
        return f"note {code(entry.value['id'])}"
    return f"{KIND.get(entry.list, md(entry.list))} {md(entry.name)}"


def shown(value: Any) -> str:
    """A field's value in the summary, whole, on one line: text as it reads, else JSON."""
    if value is None:
        return "*(none)*"
    if isinstance(value, str):
        return md(value, limit=None)
    return md(json.dumps(value, ensure_ascii=False, default=str), limit=None)


def fit(lines: list[str], limit: int = SUMMARY_LIMIT) -> str:
    """``lines`` as one text of at most ``limit`` bytes: the lines that do not fit are cut,
    and a last line says how many."""
    text = "\n".join(lines)
    if len(text.encode("utf-8")) <= limit:
        return text
    kept: list[str] = []
    size = 0
    room = limit - 200  # for the last line
    for line in lines:
        size += len(line.encode("utf-8")) + 1
        if size > room:
            break
        kept.append(line)
    cut = len(lines) - len(kept)
    return "\n".join([*kept, "", f"*{cut} more line{'s' if cut != 1 else ''} of this summary "
                       "cut, to keep within GitHub's 1 MiB limit for a job summary.*", ""])


def summary(changes: list[FileChange], pages: dict[str, str], preview: str | None = None,
            built: list[str] | None = None, limit: int = SUMMARY_LIMIT) -> str:
    """The job summary, in Markdown; ``built``: the pages two builds found changed."""
    out = ["## What this pull request does to the apparatus", ""]
    if preview and preview.startswith("https://"):
        out += [f"**Preview:** [the built site]({preview}) (download it, unzip it into a "
                "folder, run `python3 -m http.server -d FOLDER 8000` and open "
                "<http://127.0.0.1:8000/>).", ""]
    changed = [c for c in changes if c.status != "unchanged"]
    if not changed:
        names = ", ".join(code(c.name) for c in changes)
        out += [f"No change to the data files ({names}).", ""]
        if not built:
            return "\n".join(out)
    details: list[str] = []
    for change in changed:
        out += [f"### {code(change.name)}" + ("" if change.status == "changed"
                                          else f" ({change.status})"), ""]
        for problem in change.problems:
            out.append(f"- **Problem:** {md(problem, limit=None)}")  # the advice is kept
        if change.problems:
            out += ["", "The errors are shown on their lines under *Files changed*.", ""]
        rows = [("Added", e, "") for e in change.added]
        rows += [("Changed", new, ", ".join(fields)) for _, new, fields in change.changed]
        rows += [("Removed", e, "") for e in change.removed]
        if not rows and change.unreadable:
            out += ["The entries are compared once the file can be read.", ""]
        elif rows:
            out += ["| | Entry | Fields changed |", "| --- | --- | --- |"]
            out += [f"| {what} | {label(e)} | {md(fields)} |" for what, e, fields in rows]
            out.append("")
        else:
            out += ["No entry added, removed or changed (layout or comments only).", ""]
        for old, new, fields in change.changed:
            details += [f"**{label(new)}**", ""]
            for name in fields:
                details += [f"- **{md(name)}**", f"  - before: {shown(old.value.get(name))}",
                            f"  - after: {shown(new.value.get(name))}"]
            details.append("")
    out += ["### Pages affected", ""]
    if built is not None:
        out += ["Every page whose title or content differs between a build of the base and a "
                "build of this pull request (the menus left out):", ""]
        out += [f"- {code(p)}" for p in built] or ["None."]
    else:
        affected = pages_affected(changed, pages)
        out += ["Estimated from the data files (the workflow builds both sides for the exact "
                "list):", ""]
        out += [f"- {PAGE_TITLES[p]} ({code(p)})" if p in PAGE_TITLES else f"- {code(p)}"
                for p in affected] or ["None."]
    out.append("")
    if details:
        out += ["### Each changed field, before and after", "", *details]
    return fit(out, limit)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    base = parser.add_mutually_exclusive_group(required=True)
    base.add_argument("--base", help="the git revision to compare with (e.g. origin/main)")
    base.add_argument("--base-dir", type=Path, help="a folder holding the old data files")
    parser.add_argument("--head-dir", type=Path, default=ROOT,
                        help="the folder holding the new data files (default: this work tree)")
    parser.add_argument("--docs", type=Path, default=None,
                        help="the pages to search for affected ones (default: HEAD_DIR/docs)")
    parser.add_argument("--preview-url", default=None, help="where the built site was uploaded")
    parser.add_argument("--head-site", type=Path, default=None,
                        help="the pull request's built site, for the exact pages affected")
    sites = parser.add_mutually_exclusive_group()
    sites.add_argument("--base-site", type=Path, default=None, help="the base's built site")
    sites.add_argument("--build-base", action="store_true",
                       help="build the base (--base) in a temporary work tree")
    parser.add_argument("--max-bytes", type=int, default=SUMMARY_LIMIT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    old = from_dir(args.base_dir) if args.base_dir else from_git(args.base, args.head_dir)
    new = from_dir(args.head_dir)
    changes = [compare_read(name, old, new) for name in data_files(args.head_dir)]
    docs = args.docs or args.head_dir / "docs"
    pages = essay_pages(docs) if docs.is_dir() else {}
    base_site = args.base_site
    if args.build_base and args.base and args.head_site:
        base_site = build_base(args.base, args.head_dir)
    built = (built_pages_affected(base_site, args.head_site)
             if base_site is not None and args.head_site is not None
             and base_site.is_dir() and args.head_site.is_dir() else None)
    sys.stdout.write(summary(changes, pages, args.preview_url, built, args.max_bytes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
