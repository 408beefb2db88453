"""The places index and its map, from a real build.

Expected values come from glossary.yml read with plain YAML and from the essay's source
text, never from the page under test.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from support.build import ROOT
from support.data import RECORDS, map_view
from support.essay import source_blocks
from support.site import page


def _places() -> list[dict]:
    raw = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    return [t for t in raw["terms"] if t["category"] == "place"]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def test_every_place_has_its_entry_with_what_and_where(site: Path) -> None:
    html = page(site, "places/")
    places = _places()
    assert len(places) >= 5
    for place in places:
        anchor = place.get("id") or _slug(place["term"])
        heading = html.find("h2", id=anchor)
        assert heading is not None, place["term"]
        meta = heading.find_next("p")
        if "coordinates" in place:
            lat = place["coordinates"]["lat"]
            assert f"{lat:.2f}° N" in meta.get_text(), place["term"]
        for country in place.get("countries", ()):
            assert country in meta.get_text(), (place["term"], country)
        definition = " ".join(place["definition"].split())
        assert definition in " ".join(html.get_text(" ").split()), place["term"]


def test_every_mention_is_listed_in_context(site: Path) -> None:
    html = page(site, "places/")
    text = "\n".join(b.text for b in source_blocks())
    for term in ("Caspian Sea", "Novo-Ogaryovo"):
        expected = len(re.findall(rf"(?<!\w){re.escape(term)}(?!\w)", text))
        assert expected >= 1
        heading = html.find("h2", id=_slug(term))
        listing = heading.find_next("ol")
        assert len(listing.find_all("li")) == expected, term
        assert all(li.find("mark") for li in listing.find_all("li"))


def test_the_map_marks_each_place_and_shades_each_region(site: Path) -> None:
    html = page(site, "places/")
    (svg,) = html.select("figure.ed-map-figure svg")
    assert svg.has_attr("data-search-exclude")
    assert svg.find("title", id=svg["aria-labelledby"]) is not None
    desc = svg.find("desc", id=svg["aria-describedby"]).get_text()
    places = _places()
    points = {}
    for place in places:
        anchor = place.get("id") or _slug(place["term"])
        links = svg.select(f'a.ed-map-place[href="#{anchor}"]')
        if "coordinates" in place:
            (link,) = links
            assert place["term"] in link["aria-label"] and place["term"] in desc
            circle = link.find("circle")
            points[place["term"]] = (float(circle["cx"]), float(circle["cy"]))
            assert html.find("h2", id=anchor) is not None  # the link has its target
        else:
            assert not links
    # the projection keeps the geography: Moscow's residence north-west of the Caspian
    assert points["Novo-Ogaryovo"][0] < points["Caspian Sea"][0]
    assert points["Novo-Ogaryovo"][1] < points["Caspian Sea"][1]
    assert points["Caucasus"][0] < points["Caspian Sea"][0]
    shaded = {c for p in places for c in p.get("countries", ())}
    drawn = {path.find("title").get_text() for path in svg.select("path.ed-map-region")}
    assert shaded and drawn == shaded


def test_the_map_data_is_vendored_with_its_licence() -> None:
    folder = ROOT / "hooks" / "edition" / "pages" / "natural_earth"
    data = json.loads((folder / "countries.json").read_text(encoding="utf-8"))
    assert "Natural Earth" in data["source"]
    names = {c["name"] for c in data["countries"]}
    assert {"Iran", "Russia", "Azerbaijan", "Turkmenistan", "Kazakhstan"} <= names
    assert "ISC" in (folder / "LICENSE-world-atlas").read_text(encoding="utf-8") or \
        "Permission to use" in (folder / "LICENSE-world-atlas").read_text(encoding="utf-8")


def test_the_places_page_is_in_the_menu(site: Path) -> None:
    nav = page(site, "").select("nav.md-nav a.md-nav__link")
    assert any(a.get_text(strip=True) == "Places" for a in nav)


# ---- The places entries are at (site) -------------------------------------------


def _sites() -> list[tuple[dict, dict]]:
    """(entry, site) for every entry of glossary.yml that gives its site."""
    raw = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    return [(e, e["site"]) for e in raw["terms"] + raw["actors"] if "site" in e]


def test_the_index_holds_every_place_the_brief_names(site: Path) -> None:
    html = page(site, "places/")
    headings = {h.get_text(strip=True) for h in html.select("article h2")}
    for name in ("Tehran", "Moscow", "Vienna", "Turkmenchai", "Novo-Ogaryovo",
                 "Caspian Sea", "Caucasus", "Central Asia"):
        assert name in headings, name
    assert any("Hamadan" in h for h in headings)


def test_each_site_has_what_where_its_records_and_its_entries(site: Path) -> None:
    html = page(site, "places/")
    for entry, place in _sites():
        heading = html.find("h2", id=_slug(place["name"]))
        assert heading is not None, place["name"]
        section = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            section.append(sibling)
        text = " ".join(" ".join(s.get_text(" ") for s in section).split())
        lat, lon = place["coordinates"]["lat"], place["coordinates"]["lon"]
        east_west = f"{lon:.2f}° E" if lon >= 0 else f"{-lon:.2f}° W"
        assert f"{lat:.2f}° N, {east_west}" in text, place["name"]
        assert " ".join(place["what"].split()) in text, place["name"]
        name = entry.get("term") or entry["name"]
        assert name in text, place["name"]
        for scheme, value in place.get("identifiers", {}).items():
            assert any(a.get("href") == RECORDS[scheme].format(value)
                       for s in section for a in s.find_all("a")), (place["name"], scheme)


def _in_view(point: dict) -> bool:
    """Whether a point lies in the region the map draws, as mkdocs.yml names it."""
    west, south, east, north = map_view()
    return south <= point["lat"] <= north and west <= point["lon"] <= east


def test_washington_is_in_the_index_with_its_mentions(site: Path) -> None:
    """The essay names Washington; it has its entry, off the map and said so."""
    html = page(site, "places/")
    heading = html.find("h2", id="washington")
    assert heading is not None
    text = "\n".join(b.text for b in source_blocks())
    expected = len(re.findall(r"(?<!\w)Washington(?!\w)", text))
    assert expected >= 1
    assert len(heading.find_next("ol").find_all("li")) == expected
    assert "beyond the region of the map" in heading.find_next("p").get_text()
    lat = next(p for _, p in _sites() if p["name"] == "Washington")["coordinates"]["lat"]
    assert f"{lat:.2f}° N" in heading.find_next("p").get_text()


def test_a_sites_mentions_are_those_of_the_forms_that_name_it(site: Path) -> None:
    html = page(site, "places/")
    text = "\n".join(b.text for b in source_blocks())
    for entry, place in _sites():
        forms = place.get("forms") or [entry.get("term") or entry["name"]]
        expected = sum(len(re.findall(rf"(?<!\w){re.escape(f)}(?!\w)", text)) for f in forms)
        heading = html.find("h2", id=_slug(place["name"]))
        nxt = heading.find_next("h2")
        listing = heading.find_next("ol")
        found = [] if listing is None or (nxt is not None and nxt in listing.find_all_previous(
            "h2")) else listing.find_all("li")
        assert len(found) == expected, (place["name"], expected, len(found))
        for item in found:
            assert item.find("mark").get_text() in forms, place["name"]


def test_the_map_marks_each_site_where_it_lies(site: Path) -> None:
    html = page(site, "places/")
    (svg,) = html.select("figure.ed-map-figure svg")
    points = {}
    for _, place in _sites():
        if not _in_view(place["coordinates"]):
            # beyond the region drawn (Washington): an arrow on the edge nearest it,
            # pointing its way, linked to its entry and named in the description
            west, _south, east, north = map_view()
            lat, lon = place["coordinates"]["lat"], place["coordinates"]["lon"]
            way = "west" if lon < west else "east" if lon > east else (
                "north" if lat > north else "south")
            (link,) = svg.select(f'a.ed-map-beyond[href="#{_slug(place["name"])}"]')
            assert f"beyond the map to the {way}" in link["aria-label"]
            assert link.find("text").get_text() == place["name"]
            xs = [float(pair.split(",")[0]) for pair in link.find("polygon")["points"].split()]
            width = float(svg["viewbox"].split()[2])
            edge = 0.0 if way == "west" else width
            assert min(abs(x - edge) for x in xs) < 1 and max(abs(x - edge) for x in xs) > 20
            assert f"{place['name']} (to the {way})" in svg.find("desc").get_text()
            continue
        (link,) = svg.select(f'a.ed-map-place[href="#{_slug(place["name"])}"]')
        circle = link.find("circle")
        points[place["name"]] = (float(circle["cx"]), float(circle["cy"]))
    width, height = (float(v) for v in svg["viewbox"].split()[2:])
    assert all(0 <= x <= width and 0 <= y <= height for x, y in points.values()), points
    # west to east and north to south as the coordinates say
    assert points["Vienna"][0] < points["Moscow"][0] < points["Tehran"][0]
    assert points["Moscow"][1] < points["Turkmenchai"][1] < points["Tehran"][1]


def test_the_maps_style_rules_stand_at_the_top_level_of_the_stylesheet() -> None:
    """A block left open before them (as a merge once left the print rules) makes browsers
    read every later rule as part of it: the sea and land drew black."""
    import tinycss2

    css = (ROOT / "docs" / "assets" / "edition-charts.css").read_text(encoding="utf-8")
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    assert not [r for r in rules if r.type == "error"]
    top = {selector.strip() for r in rules if r.type == "qualified-rule"
           for selector in tinycss2.serialize(r.prelude).split(",")}
    for selector in (".ed-map-sea", ".ed-map-land path", ".ed-map-place circle"):
        assert selector in top, selector


def test_every_sites_point_and_id_has_its_evidence_on_record() -> None:
    audit = (ROOT / "maintainers" / "identifiers.md").read_text(encoding="utf-8")
    rows = [line for line in audit.splitlines() if line.startswith("| ")]
    for _, place in _sites():
        point = f"{place['coordinates']['lat']}, {place['coordinates']['lon']}"
        assert any(r.startswith(f"| {place['name']} (") and f"| {point} |" in r
                   for r in rows), place["name"]
        for value in place.get("identifiers", {}).values():
            assert any(r.startswith(f"| {place['name']} (") and f"| {value} |" in r
                       for r in rows), (place["name"], value)


def test_an_actors_page_links_to_its_seat_on_the_places_index(site: Path) -> None:
    """Iran's page links to Tehran's entry, and so for every actor with a site."""
    raw = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    places = page(site, "places/")
    with_site = [a for a in raw["actors"] if "site" in a]
    assert {"Iran", "Russia", "United States"} <= {a["name"] for a in with_site}
    for actor in with_site:
        html = page(site, f"actors/{_slug(actor['name'])}/")
        anchor = _slug(actor["site"]["name"])
        links = [a for a in html.select("article a")
                 if a.get("href", "").endswith(f"places/#{anchor}")]
        assert links and links[0].get_text() == actor["site"]["name"], actor["name"]
        assert places.find("h2", id=anchor) is not None
