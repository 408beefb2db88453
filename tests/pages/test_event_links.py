"""Events seen from what they date: a note or entry that refers to an event shows the
event's date, linked to it on the timeline, in the endnotes (and so in the note opened in
place), on the notes page, on the glossary page and on the actor's page (a real build)."""

from __future__ import annotations

import calendar
from collections import Counter
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from support.build import ROOT
from support.data import slug


def _yaml(name: str) -> dict:
    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))


def _label(date: str) -> str:
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = calendar.month_name[parts[1]]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


EVENTS = {e["id"]: e for e in _yaml("events.yml")["events"]}


def _links(soup: BeautifulSoup | None) -> list[tuple[str, str]]:
    """(event id, link text) of every timeline link in ``.ed-events`` lines under ``soup``."""
    found = []
    for line in soup.select(".ed-events") if soup is not None else []:
        for link in line.select("a"):
            href = link["href"]
            assert "timeline/#event-" in href, href
            found.append((href.rsplit("#event-", 1)[1], link.get_text()))
    return found


def _page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "lxml")


def test_every_note_shows_its_events_in_the_endnotes_and_on_the_notes_page(site: Path) -> None:
    notes = _yaml("notes.yml")["notes"]
    expected = Counter((i, _label(EVENTS[i]["date"])) for n in notes for i in n.get("events", []))
    assert expected
    endnotes: Counter[tuple[str, str]] = Counter()
    for page in [site / "index.html", *sorted((site / "essay").rglob("index.html"))]:
        for item in _page(site, str(page.relative_to(site))).select(".ed-notes li"):
            endnotes.update(_links(item))
    assert endnotes == expected
    assert Counter(_links(_page(site, "notes/index.html"))) == expected
    timeline = _page(site, "timeline/index.html")
    assert all(timeline.find(id=f"event-{event_id}") for event_id, _ in expected)


def test_every_entry_shows_its_events_on_its_page(site: Path) -> None:
    glossary = _yaml("glossary.yml")
    page = _page(site, "glossary/index.html")
    checked = 0
    for term in glossary["terms"]:
        heading = page.find(id=term.get("id") or slug(term["term"]))
        section = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            section.append(str(sibling))
        events = term.get("events", [])
        assert _links(BeautifulSoup("".join(section), "lxml")) == [
            (i, _label(EVENTS[i]["date"])) for i in events]
        if not events:
            continue
        checked += 1
    for actor in glossary["actors"]:
        actor_page = _page(site, f"actors/{actor.get('id') or slug(actor['name'])}/index.html")
        assert _links(actor_page.select_one("article")) == [
            (i, _label(EVENTS[i]["date"])) for i in actor.get("events", [])]
        checked += bool(actor.get("events"))
    assert checked > 5
