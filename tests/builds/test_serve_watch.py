"""``mkdocs serve`` looks at the data files more often than at everything else it watches."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from support.build import ROOT, copy_project


def test_the_data_files_are_polled_ten_times_a_second(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    sys.path.insert(0, str(project / "hooks"))
    try:
        config = load_config(str(project / "mkdocs.yml"))
        [hook] = [m for m in config.hooks.values() if hasattr(m, "on_serve")]
        server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0,
                                  root=str(tmp_path / "site"))
        server.watch(str(project / "docs"))  # as mkdocs serve does, before the hooks
        server = hook.on_serve(server, config=config, builder=lambda: None)
        polls = {(Path(e.watch.path), e.watch.is_recursive): e.timeout
                 for e in server.observer.emitters}
    finally:
        sys.path.remove(str(project / "hooks"))
    # watchdog watches a file by looking at its folder, without the folders inside it:
    # the project's top folder, where glossary.yml and notes.yml are (cheap to list).
    assert (project / "glossary.yml").is_file() and (project / "notes.yml").is_file()
    assert polls == {(project / "docs", True): 0.5, (project, False): 0.1}
    assert server.observer.timeout == 0.5  # watches added later keep MkDocs' interval
    assert project != ROOT
