"""scripts/pr_summary.py: what a pull request does to the apparatus, from two versions of the
data files (fixture copies, and a throw-away git repository: no network)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from support.build import ROOT, build, copy_project, replace_once
from support.data import slug

SCRIPT = ROOT / "scripts" / "pr_summary.py"
DATA = ("glossary.yml", "glossary.schema.json", "notes.yml", "notes.schema.json")
HOSTILE = "<script>alert(1)</script> | **bold** [x](javascript:alert(1))"


def copy_data(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in DATA:
        shutil.copy2(ROOT / name, dest / name)
    return dest


def run(*args: str | Path, cwd: Path = ROOT) -> str:
    proc = subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def rendered(summary: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(summary, extensions=["tables"]), "lxml")


def rows(summary: str) -> list[tuple[str, str, str]]:
    table = rendered(summary).select("tbody tr")
    return [tuple(cell.get_text() for cell in row.select("td")) for row in table]  # type: ignore[misc]


def pages(summary: str) -> list[str]:
    soup = rendered(summary)
    heading = next(h for h in soup.select("h3") if h.get_text() == "Pages affected")
    return [li.select_one("code").get_text() for li in heading.find_next("ul").select("li")]


def data(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def essay_pages_with(text: str) -> set[str]:
    """The hand-written pages whose Markdown contains ``text``, as the source has it."""
    docs = ROOT / "docs"
    return {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")
            if text in p.read_text(encoding="utf-8")}


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    """The project's data (base) and a pull request's edit of it (head)."""
    base = copy_data(tmp_path / "base")
    head = copy_data(tmp_path / "head")
    shutil.copytree(ROOT / "docs", head / "docs")
    return base, head


def edit(head: Path) -> dict[str, dict]:
    """Change a term's definition, remove an actor, add a hostile term, change a note."""
    glossary = data(head / "glossary.yml")
    term, actor = glossary["terms"][0], glossary["actors"][0]
    note = data(head / "notes.yml")["notes"][1]
    replace_once(head / "glossary.yml", "    definition: >-\n      Treaty signed",
                 "    definition: >-\n      A treaty signed")
    text = (head / "glossary.yml").read_text(encoding="utf-8")
    start = text.index(f'  - name: "{actor["name"]}"')
    end = text.index("  - name:", start + 1)
    hostile = ("terms:\n  - term: " + json.dumps(HOSTILE) +
               "\n    category: term\n    definition: x\n    sources: []\n")
    text = (text[:start] + text[end:]).replace("terms:\n", hostile, 1)
    (head / "glossary.yml").write_text(text, encoding="utf-8")
    replace_once(head / "notes.yml", f'    quote: "{note["quote"]}"\n    kind: context',
                 f'    quote: "{note["quote"]}"\n    kind: reference')
    return {"term": term, "actor": actor, "note": note}


def test_added_removed_and_changed_entries_and_the_pages_they_touch(
    versions: tuple[Path, Path]
) -> None:
    base, head = versions
    edited = edit(head)
    summary = run("--base-dir", base, "--head-dir", head)
    found = rows(summary)
    term, actor, note = edited["term"], edited["actor"], edited["note"]
    assert ("Changed", f"term {term['term']}", "definition") in found
    assert ("Removed", f"actor {actor['name']}", "") in found
    assert ("Added", f"term {HOSTILE}", "") in found
    assert ("Changed", f"note {note['id']}", "kind") in found  # a note by its id
    assert len(found) == 4
    expected = {"glossary.md", "actors/index.md", "notes.md",
                f"actors/{actor.get('id') or slug(actor['name'])}.md"}
    if any(edited_entry.get("events") for edited_entry in (term, actor, note)):
        expected.add("timeline.md")  # the timeline links to what refers to an event
    for word in [term["term"], *term.get("aliases", []), *actor.get("aliases", []),
                 note["quote"]]:
        expected |= essay_pages_with(word)
    assert set(pages(summary)) == expected
    assert any(p.startswith("essay/") for p in expected)


def test_contributors_text_cannot_inject_markup(versions: tuple[Path, Path]) -> None:
    base, head = versions
    edit(head)
    soup = rendered(run("--base-dir", base, "--head-dir", head))
    assert soup.select("script, a[href^=javascript]") == []
    assert [s for s in soup.select("strong") if s.get_text() == "bold"] == []
    assert any(HOSTILE in td.get_text() for td in soup.select("td"))


def test_an_invalid_edit_is_reported_as_a_problem(versions: tuple[Path, Path]) -> None:
    base, head = versions
    edit(head)  # the hostile term has no sources: the build refuses it
    summary = run("--base-dir", base, "--head-dir", head)
    problems = [li.get_text() for li in rendered(summary).select("li")
                if li.get_text().startswith("Problem:")]
    assert problems and all(p.startswith("Problem: glossary.yml:") for p in problems)
    replace_once(head / "notes.yml", "notes:\n", "notes:\n  - *alias\n")
    assert "cannot be read as YAML" in run("--base-dir", base, "--head-dir", head)


def test_no_change_says_so(versions: tuple[Path, Path]) -> None:
    base, head = versions
    summary = run("--base-dir", base, "--head-dir", head)
    assert "No change to the data files (`glossary.yml`, `notes.yml`)" in summary
    assert rows(summary) == []


def test_the_base_is_read_from_git(versions: tuple[Path, Path]) -> None:
    base, head = versions
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c",
           "commit.gpgsign=false"]
    repo = head
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "base"], cwd=repo, check=True)
    edit(head)
    from_git = run("--base", "main", "--head-dir", repo, "--preview-url",
                   "https://github.com/o/r/actions/runs/1/artifacts/2")
    from_dirs = run("--base-dir", base, "--head-dir", repo)
    assert rows(from_git) == rows(from_dirs) and len(rows(from_git)) == 4
    assert pages(from_git) == pages(from_dirs)
    preview = rendered(from_git).select_one("a[href^='https://github.com/']")
    assert preview is not None and preview.get_text() == "the built site"


def test_an_event_is_named_by_its_id_and_description(tmp_path: Path) -> None:
    """Added, changed and removed events are named by id and description, never "#48"."""
    old = tmp_path / "old"
    old.mkdir()
    shutil.copy2(ROOT / "events.yml", old / "events.yml")
    shutil.copy2(ROOT / "events.schema.json", old / "events.schema.json")
    new = tmp_path / "new"
    shutil.copytree(old, new)
    records = data(ROOT / "events.yml")["events"]
    first, second = records[0], records[1]
    text = (new / "events.yml").read_text(encoding="utf-8")
    added = ('  - id: a-new-event\n    date: "1900"\n    description: "Something new happens"\n'
             '    sources:\n      - {title: "A source", url: "https://example.org/a"}\n')
    text = text.replace("events:\n", "events:\n" + added, 1)
    text = text.replace(f'"{second["date"]}"', '"1901"', 1)
    start = text.index(f"  - id: {first['id']}\n")
    end = text.index("  - id: ", start + 1)
    (new / "events.yml").write_text(text[:start] + text[end:], encoding="utf-8")
    found = rows(run("--base-dir", old, "--head-dir", new))
    names = {what: entry for what, entry, _ in found}
    assert names["Added"] == "event a-new-event: Something new happens"
    assert names["Changed"].startswith(f"event {second['id']}: {second['description'][:20]}")
    assert names["Removed"].startswith(f"event {first['id']}: {first['description'][:20]}")
    assert not any("#" in entry for _, entry, _ in found)


def built_pages(summary: str) -> set[str]:
    return set(pages(summary))


#: The definition a pull request changes, before and after, in the tests that build both.
CASPIAN_OLD = "The world's largest enclosed body of water"
CASPIAN_NEW = "The largest enclosed body of water on Earth"


def caspian_changed(project: Path) -> Path:
    """``project`` with the Caspian's definition changed as the pull request changes it."""
    replace_once(project / "glossary.yml", CASPIAN_OLD, CASPIAN_NEW)
    return project


@pytest.fixture(scope="module")
def caspian_head(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with the changed definition, built once for the tests that
    compare it (its site is ``site`` inside it): a head is the same input in each."""
    head = caspian_changed(copy_project(tmp_path_factory.mktemp("caspian") / "head"))
    result = build(head, head / "site")
    assert result.returncode == 0, result.output
    return head


def test_pages_affected_come_from_two_builds_page_by_page(
        tmp_path: Path, site: Path, caspian_head: Path) -> None:
    """A changed definition changes the glossary, the map of places and every essay page whose
    words link to the term (its tooltip), and nothing else; each field before and after.
    The base's build is the session's build of the project itself (a copy builds the same)."""
    base = copy_project(tmp_path / "base")
    head = caspian_head
    old, new = CASPIAN_OLD, CASPIAN_NEW
    summary = run("--base-dir", base, "--head-dir", head, "--base-site", site,
                  "--head-site", head / "site")
    essay = {f"{page.removesuffix('.md')}/" for page in essay_pages_with("Caspian")}
    expected = {"glossary/", "places/", *essay}
    found = built_pages(summary)
    # The home page lists the exports with their sizes, which the new words may change.
    assert expected <= found <= expected | {"/"}, found
    soup = rendered(summary)
    items = [li.get_text(" ", strip=True) for li in soup.select("li")]
    assert any(i.startswith("before: " + old) for i in items)
    assert any(i.startswith("after: " + new) for i in items)


def test_a_summary_over_the_limit_is_cut_with_a_count(versions: tuple[Path, Path]) -> None:
    base, head = versions
    edit(head)
    whole = run("--base-dir", base, "--head-dir", head)
    cut = run("--base-dir", base, "--head-dir", head, "--max-bytes", "1000")
    assert len(cut.encode("utf-8")) <= 1000 < len(whole.encode("utf-8"))
    kept = len(cut.split("\n")) - 3  # then an empty line, the count, and the final newline
    assert cut.split("\n")[:kept] == whole.split("\n")[:kept]
    left = len(whole.split("\n")) - kept
    assert cut.split("\n")[-2] == (
        f"*{left} more lines of this summary cut, to keep within GitHub's 1 MiB limit for a "
        "job summary.*")


def test_the_base_is_built_from_git_as_the_workflow_asks(
        tmp_path: Path, caspian_head: Path) -> None:
    """``--build-base``: the base revision built in a temporary work tree, then compared.
    The head's site is the shared build of the same change."""
    project = copy_project(tmp_path / "project")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c",
           "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=project, check=True)
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "base"], cwd=project, check=True)
    caspian_changed(project)
    summary = run("--base", "main", "--head-dir", project, "--head-site",
                  caspian_head / "site", "--build-base", cwd=project)
    assert "Every page whose title or content differs" in summary
    assert {"glossary/", "places/"} <= set(pages(summary))
    worktrees = subprocess.run(["git", "worktree", "list"], cwd=project, capture_output=True,
                               text=True, check=True).stdout
    assert len(worktrees.splitlines()) == 1  # the temporary work tree is gone
