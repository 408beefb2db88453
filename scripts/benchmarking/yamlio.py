"""YAML that keeps MkDocs' tags (``!ENV``) and never writes anchors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass
class Tagged:
    """A YAML value with a custom tag, kept as written (``!ENV [SITE_URL, ...]``)."""

    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    """Safe loading that keeps custom tags as :class:`Tagged` values."""


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        return Tagged("!" + suffix, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged("!" + suffix, loader.construct_sequence(node, deep=True))
    return Tagged("!" + suffix, loader.construct_mapping(node, deep=True))


_Loader.add_multi_constructor("!", _construct_tagged)


class _Dumper(yaml.SafeDumper):
    """Writes every value out in full (the glossary loader rejects anchors and aliases)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value, flow_style=True)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_Dumper.add_representer(Tagged, _represent_tagged)


def load_yaml(path: Path) -> Any:
    """Read a YAML file, keeping custom tags."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def dump_yaml(data: Any) -> str:
    """YAML text for ``data``: block style, no anchors, long lines kept whole."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6)


