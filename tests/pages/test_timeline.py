"""The timeline: each event of events.yml once, in order, linked to all that concerns it."""

from __future__ import annotations

import datetime
import functools
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from edition.data.dates import MONTHS, parse_date
from edition.data.events import Event as Record
from edition.data.glossary import Source, parse
from edition.index.occurrences import OccurrenceIndex
from edition.pages import timeline
from edition.text.annotate import Occurrence, Target
from support.build import ROOT
from support.essay import FIXTURE
from support.pages import render_page
from support.site import page, resolve, visible_text


def _raw(name: str) -> dict:
    """A data file as plain YAML, not through the edition's loaders."""
    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))


class _Loader(yaml.SafeLoader):
    """mkdocs.yml as plain YAML: its ``!ENV`` tags read as the list they hold."""


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node))


def _timeline_options() -> dict:
    """``extra.edition.timeline`` of mkdocs.yml, as written."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    return config["extra"]["edition"]["timeline"]


#: A timeline of the span 1820 to 2025, broken at 1990, as tests without the edition's use.
AXIS = timeline.Axis((1820, 2025), (1828, 2025), broken_at=1990)


def _entries(site: Path) -> dict[str, Tag]:
    """The timeline's events by their id in events.yml."""
    found = page(site, "timeline/").select("article .ed-event")
    return {entry["id"].removeprefix("event-"): entry for entry in found}


def _date(label: str) -> tuple[int, int, int]:
    parts = label.split()
    year = int(parts[-1])
    month = MONTHS.index(parts[-2]) + 1 if len(parts) >= 2 else 0
    day = int(parts[0]) if len(parts) == 3 else 0
    return year, month, day


@functools.cache
def _parsed(site: Path, url: str) -> BeautifulSoup:
    """A page of the built site, parsed once for the look-ups below, which only read it."""
    return page(site, url)


def _targets(site: Path, entry: Tag) -> list[tuple[str, Tag]]:
    """Each link of a timeline entry: the URL it resolves to and the element it reaches."""
    found = []
    for link in entry.select("a"):
        url = resolve("timeline/", link["href"])
        path, _, fragment = url.partition("#")
        target = _parsed(site, path)
        element = target.select_one(f"[id='{fragment}']") if fragment else target.select_one("h1")
        assert element is not None, f"{url} does not exist"
        found.append((url, element))
    return found


def test_the_timeline_is_in_order_and_its_points_link_to_its_events(site: Path) -> None:
    soup = page(site, "timeline/")
    events = soup.select("article .ed-event")
    assert events, "no dated events"
    dates = [e.select_one("strong").get_text() for e in events]
    parsed = [_date(d) for d in dates]
    assert parsed == sorted(parsed)
    # The wide drawing and the phone's, running down: each a point per event, in order.
    drawings = soup.select("figure.ed-timeline-figure svg")
    assert [d["class"] for d in drawings] == [["ed-timeline"], ["ed-timeline", "ed-timeline--down"]]
    for drawing in drawings:
        points = drawing.select("a")
        assert [p["href"] for p in points] == [f"#{e['id']}" for e in events]


def test_each_event_of_events_yml_is_listed_once(site: Path) -> None:
    records = _raw("events.yml")["events"]
    entries = page(site, "timeline/").select("article .ed-event")
    assert len(entries) == len(records)
    by_id = _entries(site)
    assert set(by_id) == {record["id"] for record in records}
    for record in records:
        text = visible_text(by_id[record["id"]])
        assert text.startswith(f"{parse_date(record['date']).label} · "
                               f"{' '.join(record['description'].split())}"), text
    descriptions = [visible_text(e).split(" · ")[1] for e in entries]
    assert len(set(descriptions)) == len(descriptions)


def test_every_note_term_and_actor_is_linked_from_its_events(site: Path) -> None:
    by_id = _entries(site)
    notes_page = page(site, "notes/")
    checked = 0
    head_texts = [(head, visible_text(head)) for head in notes_page.select(".ed-note-head")]
    for note in _raw("notes.yml")["notes"]:
        heads = [head for head, text in head_texts
                 if text.endswith(f"“{' '.join(note['quote'].split())}”")]
        assert heads, note["quote"]
        for event_id in note.get("events", []):
            targets = dict(_targets(site, by_id[event_id]))
            linked = [head for head in heads if f"notes/#{head['id']}" in targets]
            assert linked, f"{event_id}: no link to the note on {note['quote']!r}"
            # ... and to the paragraph (or title, or caption) the note annotates.
            marker = resolve("notes/", linked[0].select_one("a")["href"])
            path, _, ref = marker.partition("#")
            marked = _parsed(site, path).select_one(f"[id='{ref}']")
            block = next(parent for parent in marked.parents if parent.get("id"))
            assert f"{path}#{block['id']}" in targets, f"{event_id}: {marker}"
            checked += 1
    glossary = _raw("glossary.yml")
    for key, name in (("terms", "term"), ("actors", "name")):
        for entry in glossary.get(key, []):
            for event_id in entry.get("events", []):
                reached = [visible_text(element) for _, element in
                           _targets(site, by_id[event_id])]
                assert entry[name] in reached, f"{event_id}: no link to {entry[name]!r}"
                checked += 1
    assert checked >= len(by_id), "fewer references than events"


def test_contributors_text_is_literal_and_an_event_without_links_has_no_dangling_rule() -> None:
    hostile = "<script>alert(1)</script> & *not emphasis* [x](javascript:alert(1))"
    record = Record("hostile", parse_date("2001-09"), hostile,
                    (Source("S", "https://example.org/s"),), 1)
    found = [timeline.Event(record, ())]
    html = render_page(timeline.render(found, AXIS))
    soup = BeautifulSoup(html, "lxml")
    assert not soup.select("script, em, a[href^='javascript']")
    (entry,) = soup.select(".ed-event")
    assert entry["id"] == "event-hostile"
    assert entry.get_text() == f"September 2001 · {hostile}"
    for point in soup.select("svg a"):  # the wide drawing's and the phone's
        assert point["aria-label"] == f"September 2001: {hostile}"
        assert point.select_one("title").get_text() == f"September 2001: {hostile}"
    assert len(soup.select("svg a")) == 2


@pytest.mark.parametrize("year", [1828, 1990, 1991, 2022])
def test_every_year_falls_in_one_of_the_editions_eras(year: int) -> None:
    eras = _timeline_options()["eras"]
    assert sum(era["from"] <= year <= era["to"] for era in eras) == 1


def test_without_options_the_axis_spans_the_events_unbroken_in_one_era() -> None:
    records = [Record(i, parse_date(d), "E.", (Source("S", "https://e.org/s"),), n)
               for n, (i, d) in enumerate((("a", "1864-11-25"), ("b", "1870")), start=1)]
    axis = timeline.axis(None, records)
    assert (axis.span, axis.broken_at, axis.eras) == ((1864, 1871), None, ())
    found = [timeline.Event(record, ()) for record in records]
    html = render_page(timeline.render(found, axis))
    soup = BeautifulSoup(html, "lxml")
    assert not soup.select("h2")  # one era: no headings
    assert "broken" not in soup.get_text()
    for drawing in soup.select("svg"):
        assert len(drawing.select("g.ed-tl-axis > line")) == 2 + 1  # two marks, one axis
        assert [t.get_text() for t in drawing.select("g.ed-tl-axis text")] == ["1864", "1871"]


@pytest.mark.parametrize(("options", "words"), [
    ({"span": [2000]}, "timeline.span"),
    ({"span": [2025, 1820]}, "run forward"),
    ({"break": 1700}, "timeline.break"),
    ({"eras": [{"from": 1900, "title": "X"}]}, "timeline.eras' item 1"),
    ({"eras": [{"from": 1900, "to": 1950, "title": "X"}]}, "no era for 1864"),
    ({"colour": "red"}, "unknown option"),
    ("broken", "mapping"),
])
def test_the_timeline_options_are_checked(options: object, words: str) -> None:
    record = Record("a", parse_date("1864"), "E.", (Source("S", "https://e.org/s"),), 1)
    with pytest.raises(ValueError, match=re.escape(words)):
        timeline.axis(options, [record])


def test_a_term_brings_its_first_three_passages_to_its_event() -> None:
    """The docstring's "up to three of their passages": a term found in five paragraphs adds
    its name and its first three, in reading order, to the event it refers to."""
    glossary = parse(b"""\
terms:
  - term: Zqxtreaty
    category: treaty
    definition: A treaty.
    events: [signed]
    sources: [{title: S, url: "https://example.org/s"}]
""")
    (term,) = glossary.terms
    occurrences = OccurrenceIndex()
    for number in (5, 1, 4, 2, 3):  # recorded out of order
        occurrences.add("essay/a.md", Occurrence(
            Target(term, (term,)), term.name, f"p{number}", True, 0, 9, "Zqxtreaty"))
    record = Record("signed", parse_date("1828-02-10"), "Signed.",
                    (Source("S", "https://example.org/s"),), 1)
    (event,) = timeline.events([], glossary, occurrences, [record])
    assert event.links == (("Zqxtreaty", "glossary.md#zqxtreaty"),
                           ("¶1", "essay/a.md#p1"), ("¶2", "essay/a.md#p2"),
                           ("¶3", "essay/a.md#p3"))


def test_points_share_a_lane_unless_they_would_overlap() -> None:
    """The fewest lanes: a point goes up a lane only when its target (24 × 24, a
    transparent square round the point) would cover the last one's."""
    first = Record("a", parse_date("2000-01-01"), "A.", (Source("S", "https://e.org/s"),), 1)
    # The first later day whose point is 24.2 to 24.8 px further right (the input only: what
    # is checked comes from the drawing).
    day = datetime.date(2000, 1, 1)
    start = timeline._x(first.date, AXIS)
    while not 24.2 < timeline._x(parse_date(day.isoformat()), AXIS) - start < 24.8:
        day += datetime.timedelta(days=1)
    second = Record("b", parse_date(day.isoformat()), "B.", (Source("S", "https://e.org/s"),), 2)
    drawing = BeautifulSoup(timeline.svg([timeline.Event(first, ()),
                                          timeline.Event(second, ())], AXIS), "lxml")
    targets = [(float(r["x"]), float(r["y"]), float(r["width"]), float(r["height"]))
               for r in drawing.select("a > rect")]
    (x1, y1, w1, h1), (x2, y2, w2, h2) = targets
    assert min(w1, h1, w2, h2) >= 24
    assert x2 >= x1 + w1  # apart, so on one lane
    assert y1 == y2
    # And one closer than that goes up a lane.
    close = Record("c", parse_date("2000-01-02"), "C.", (Source("S", "https://e.org/s"),), 3)
    drawing = BeautifulSoup(timeline.svg([timeline.Event(first, ()),
                                          timeline.Event(close, ())], AXIS), "lxml")
    assert len({c["cy"] for c in drawing.select("circle")}) == 2


def test_the_axis_marks_the_essays_own_years_then_every_five(site: Path) -> None:
    """The years the essay names before 2000 (Turkmenchai, the 1921 treaty, the Soviet
    collapse), from the source text, then every fifth year to 2025."""
    source = FIXTURE.read_text(encoding="utf-8")
    named = sorted({int(y) for y in re.findall(r"\b(1[89]\d\d)\b", source)})
    for drawing in page(site, "timeline/").select("svg.ed-timeline"):
        labels = [int(text.get_text()) for text in drawing.select("g.ed-tl-axis text")]
        assert labels == [*named, *range(2000, 2026, 5)]


def test_every_point_is_inside_the_drawing_and_clear_of_the_axis(site: Path) -> None:
    drawing = page(site, "timeline/").select_one("svg.ed-timeline")
    height = float(drawing["viewbox"].split()[3])
    axis = float(drawing.select_one("g.ed-tl-axis line")["y1"])
    circles = drawing.select("circle")
    assert len(circles) == len(_raw("events.yml")["events"])
    for circle in circles:
        cy, r = float(circle["cy"]), float(circle["r"])
        assert cy - r >= 0 and cy + r < axis < height, circle


def test_the_page_says_what_it_holds_and_names_each_era_once(site: Path) -> None:
    timeline_page = page(site, "timeline/")
    article = timeline_page.select_one("article")
    (heading,) = article.select("h1")
    assert heading.get_text(strip=True) == "Timeline" and "ed-heading" in heading["class"]
    count = len(_raw("events.yml")["events"])
    assert article.select_one("p.ed-summary").get_text() == (
        f"{count} dated events, each once, in order: two centuries of Russo-Iranian relations "
        "at a glance. Each links to the passages, editor's notes, glossary entries and actors "
        "that concern it. The eras are the editor's.")
    eras = [h.get_text(" ", strip=True).removesuffix(" ¶") for h in article.select("h2")]
    assert len(eras) >= 3 and len(eras) == len(set(eras)), eras
    # Each era's events follow its heading, before the next one.
    assert all(h.find_next_sibling().name != "h2" for h in article.select("h2"))


def test_the_phones_timeline_runs_down_inside_its_width(site: Path) -> None:
    """Each point below the one before it (or level with it, in a lane to its right), every
    24-unit target inside the narrow drawing and clear of the axis and of each other."""
    drawing = page(site, "timeline/").select_one("svg.ed-timeline--down")
    _, _, width, height = (float(v) for v in drawing["viewbox"].split())
    assert width <= 320
    axis = float(drawing.select_one("g.ed-tl-axis line")["x1"])
    hits = [(float(r["x"]), float(r["y"]), float(r["width"]), float(r["height"]))
            for r in drawing.select("rect.ed-tl-hit")]
    assert len(hits) == len(_raw("events.yml")["events"])
    assert [y for _, y, _, _ in hits] == sorted(y for _, y, _, _ in hits)
    for x, y, w, h in hits:
        assert w >= 24 and h >= 24
        assert axis < x and x + w <= width and y >= 0 and y + h <= height
    for i, (x, y, w, h) in enumerate(hits):
        for x2, y2, w2, h2 in hits[i + 1:]:
            assert not (x < x2 + w2 and x2 < x + w and y < y2 + h2 and y2 < y + h)


@pytest.mark.parametrize("dates", [["1900-01-01"] * 12, [str(1900 + n) for n in range(60)]])
def test_the_phones_timeline_holds_points_it_cannot_part_in_a_wider_box(
        dates: list[str]) -> None:
    """Points no length of axis parts (one date) or that crowd the compressed centuries get
    a drawing all the same, each inside it, none on another."""
    found = [timeline.Event(Record(f"e{n}", parse_date(date), "E.",
                                   (Source("S", "https://e.org/s"),), n + 1), ())
             for n, date in enumerate(dates)]
    drawing = BeautifulSoup(timeline.svg_down(found, AXIS), "lxml").select_one("svg")
    assert drawing is not None
    _, _, width, height = (float(v) for v in drawing["viewbox"].split())
    targets = [(float(r["x"]), float(r["y"])) for r in drawing.select("a > rect")]
    assert len(targets) == len(dates)
    assert all(x >= 0 and x + 24 <= width and y >= 0 and y + 24 <= height for x, y in targets)
    assert all(abs(a[0] - b[0]) >= 24 or abs(a[1] - b[1]) >= 24
               for i, a in enumerate(targets) for b in targets[i + 1:])
