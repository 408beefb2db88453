"""The maintainers' scripts (``scripts/*.py``) as modules, to call their functions in a test."""

from __future__ import annotations

import importlib.util
import sys
from typing import Any

from support.build import ROOT


def load_script(name: str) -> Any:
    """A maintainers' script as a module, to call its ``main`` in this process."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module
