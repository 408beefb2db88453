"""The layout's rules: one package per stage, imports only downward, no MkDocs below the hook."""

from __future__ import annotations

import ast
from pathlib import Path

from support.build import ROOT

EDITION = ROOT / "hooks" / "edition"
#: The stages, lowest first: a module may import its own stage and those below it.
STAGES = {"data": 0, "text": 1, "index": 2, "pages": 3, "exports": 4, "reader": 4, "build": 5}


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every absolute import in ``path``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.lineno, node.module))
            if node.module == "edition" or node.module in {f"edition.{s}" for s in STAGES}:
                found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def test_every_module_belongs_to_a_stage() -> None:
    loose = [p.name for p in EDITION.glob("*.py") if p.name != "__init__.py"]
    packages = {p.name for p in EDITION.iterdir() if (p / "__init__.py").exists()}
    assert loose == []
    assert packages <= set(STAGES), packages - set(STAGES)
    assert {"data", "text", "index", "pages"} <= packages
    for package in packages:
        init = (EDITION / package / "__init__.py").read_text(encoding="utf-8")
        assert ast.get_docstring(ast.parse(init)), f"{package} says nothing of its stage"


def test_imports_run_downward_and_never_reach_mkdocs() -> None:
    wrong = []
    modules = sorted(EDITION.rglob("*.py"))
    assert len(modules) > 20
    for path in modules:
        stage = path.relative_to(EDITION).parts[0]
        for line, module in imports(path):
            where = f"{path.relative_to(ROOT)}:{line}"
            if module.split(".")[0] == "mkdocs":
                wrong.append(f"{where} imports {module}: only the hook may import MkDocs")
            parts = module.split(".")
            if parts[0] == "edition" and len(parts) > 1 and stage in STAGES:
                if parts[1] not in STAGES:
                    wrong.append(f"{where} imports {module}, outside every stage")
                elif STAGES[parts[1]] > STAGES[stage]:
                    wrong.append(f"{where}: the {stage} stage imports {module}, a later stage")
    assert wrong == []


def test_the_hook_is_the_only_file_that_imports_mkdocs() -> None:
    hook = ROOT / "hooks" / "edition_hook.py"
    assert any(m.startswith("mkdocs") for _, m in imports(hook))
    others = [p for p in (ROOT / "hooks").rglob("*.py") if p != hook
              if any(m.split(".")[0] == "mkdocs" for _, m in imports(p))]
    assert others == []


def test_the_engine_names_no_work() -> None:
    """The work is data (work.yml): no name of its author, its title or where it appeared is
    in the engine's code, its templates or the stylesheet."""
    import yaml

    work = yaml.safe_load((ROOT / "work.yml").read_text(encoding="utf-8"))["work"]
    names = [work["author"]["family"], work["title"], work["published_in"],
             work["url"].split("/")[2].removeprefix("www.")]
    code = [*(ROOT / "hooks").rglob("*.py"), *(ROOT / "hooks" / "templates").rglob("*.html"),
            *(ROOT / "docs" / "assets").glob("*.css"), *(ROOT / "docs" / "assets").glob("*.js"),
            ROOT / "docs" / "assets" / "favicon.svg"]
    found = [f"{path.relative_to(ROOT)} names {name!r}" for path in code
             for name in names if name.casefold() in path.read_text(encoding="utf-8").casefold()]
    assert found == []
