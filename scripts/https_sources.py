"""Move the data files' ``http://`` sources to ``https://`` where the host is known to serve the
same page there; mark the rest ``http_only`` with why.

    python scripts/https_sources.py            # rewrite glossary.yml, notes.yml, events.yml
    python scripts/https_sources.py --check    # only say what it would change (exit 1 if any)

Judged per host, not per page: ``HTTPS`` lists the hosts whose pages of the same path are
served over https (the evidence: addresses of that host, with paths of the same form, cited
over https in public sources, found with the project's search tool on 2026-12-02); a host whose
https site is another name (``acronym.org.uk`` is ``www.acronym.org.uk``) is written with it.
``HTTP_ONLY`` lists the hosts for which no https address of the same page was found: each of
their sources keeps its ``http://`` address and gets ``http_only:`` with the reason, which the
build accepts (``edition/data/sources.py``). A host in neither list is reported and left alone
(exit 1): judge it and add it here. Running it again changes nothing. Only the ``url`` lines
change, and a ``http_only`` line is added under a url kept; nothing else in the files moves.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[1]
FILES = ("glossary.yml", "notes.yml", "events.yml")
CHECKED = "2026-12-02"

#: Hosts whose same pages are served over https: host -> the https host to write.
HTTPS = {
    "news.bbc.co.uk": "news.bbc.co.uk",  # /2/hi/... pages cited at https://news.bbc.co.uk/2/hi/
    "countrystudies.us": "countrystudies.us",  # https://countrystudies.us/<country>/<n>.htm
    "acronym.org.uk": "www.acronym.org.uk",  # https://www.acronym.org.uk/old/archive/...
    "articles.latimes.com": "articles.latimes.com",  # https://articles.latimes.com/1997-04-19/..
    "content.time.com": "content.time.com",  # https://content.time.com/time/specials/...
    "www.washingtonpost.com": "www.washingtonpost.com",  # https://www.washingtonpost.com/wp-dyn/
    "www.independent.co.uk": "www.independent.co.uk",  # https://www.independent.co.uk/news/world
    "www.armscontrol.org": "www.armscontrol.org",  # https://www.armscontrol.org/factsheets/...
    "iranprimer.usip.org": "iranprimer.usip.org",  # https://iranprimer.usip.org/blog/...
    "observers.france24.com": "observers.france24.com",  # https://observers.france24.com/en/...
    "en.trend.az": "en.trend.az",  # https://en.trend.az/ and its feeds
    "www2.ljworld.com": "www2.ljworld.com",  # https://www2.ljworld.com/news/2003/mar/27/...
    "rosatom.ru": "rosatom.ru",  # https://rosatom.ru/ and its paths
    "en.people.cn": "en.people.cn",  # https://en.people.cn/n3/... and /rss/90001/...
    "codes.lp.findlaw.com": "codes.lp.findlaw.com",  # https://codes.lp.findlaw.com/alcode/...
}

_NOT_FOUND = (f"No https address of this page was found (checked {CHECKED}); keep http until "
              "one is.")
#: Hosts with no https address of the same page found: host -> why the http one is kept.
HTTP_ONLY = {
    # https is known only for theasanforum.org, whose pages have other paths.
    "old.theasanforum.org": _NOT_FOUND,
    # https is known only for iranhrdc.org, whose pages have other paths (/category/english/...).
    "www.iranhrdc.org": _NOT_FOUND,
    # An https address is known only for the home page of www.iranreview.org.
    "www.iranreview.org": _NOT_FOUND,
    # https is known for www.china.org.cn, not for english.china.org.cn.
    "english.china.org.cn": _NOT_FOUND,
    "wanainstitute.org": _NOT_FOUND,
    "coat.ncf.ca": _NOT_FOUND,
    "poli.vub.ac.be": _NOT_FOUND,
}


def _url_nodes(node: yaml.Node) -> Iterator[tuple[yaml.MappingNode, yaml.Node, yaml.Node]]:
    """Every ``url`` key of a mapping in ``node``: (the mapping, the key, the value)."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "url":
                yield node, key, value
            yield from _url_nodes(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _url_nodes(item)


def convert(text: str, name: str) -> tuple[str, list[str], list[str]]:
    """``text`` with its http sources moved or marked; what was done; the hosts not judged."""
    lines = text.splitlines(keepends=True)
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    done: list[str] = []
    unknown: list[str] = []
    inserts: list[tuple[int, str]] = []
    for mapping, key, value in _url_nodes(root) if root is not None else ():
        url = value.value
        if not isinstance(url, str) or not url.lower().startswith("http://"):
            continue
        host = urlsplit(url).hostname or ""
        row = value.start_mark.line
        where = f"{name}:{row + 1}"
        if host in HTTPS:
            new = f"https://{HTTPS[host]}{url[len('http://') + len(host):]}"
            if url not in lines[row]:
                raise SystemExit(f"{where}: the address is not on one line; edit it by hand.")
            lines[row] = lines[row].replace(url, new, 1)
            done.append(f"{where}: {url} -> {new}")
        elif host in HTTP_ONLY:
            if mapping.flow_style:
                raise SystemExit(f"{where}: the source is written on one line ({{...}}); write "
                                 "it as a block (title: and url: on lines of their own).")
            if any(isinstance(k, yaml.ScalarNode) and k.value == "http_only"
                   for k, _ in mapping.value):
                continue
            indent = " " * key.start_mark.column
            reason = HTTP_ONLY[host].replace('"', '\\"')
            inserts.append((value.end_mark.line + 1, f'{indent}http_only: "{reason}"\n'))
            done.append(f"{where}: {url} kept, marked http_only")
        else:
            unknown.append(f"{where}: {url}: the host {host} is not judged; add it to HTTPS or "
                           "HTTP_ONLY in scripts/https_sources.py")
    for row, line in sorted(inserts, reverse=True):
        lines.insert(row, line)
    return "".join(lines), done, unknown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a "
                        "file would change or a host is not judged")
    parser.add_argument("--root", type=Path, default=ROOT, help="the folder of the data files")
    args = parser.parse_args(argv)
    changed = False
    unknown_hosts: list[str] = []
    for name in FILES:
        path = args.root / name
        text = path.read_text(encoding="utf-8")
        new, done, unknown = convert(text, name)
        for line in done:
            print(line)
        unknown_hosts += unknown
        if new != text:
            changed = True
            if not args.check:
                path.write_text(new, encoding="utf-8")
    if unknown_hosts:
        print("\n".join(unknown_hosts), file=sys.stderr)
    return 1 if unknown_hosts or (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
