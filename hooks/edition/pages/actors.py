"""The actor pages and the actors index, as elements built from the glossary.

Contributors' text, and the author's text in context with the mention in ``<mark>``, is the
elements' text, which the serialiser escapes (see ``inserts``). Links are ``.md`` links that
MkDocs checks, except those inside the network drawing, which the caller resolves to URLs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from edition.data.events import Events
from edition.data.glossary import Entry, Glossary, slugify
from edition.index.occurrences import Mention, OccurrenceIndex
from edition.pages.inserts import SEARCH_EXCLUDE, block, bullets, element, raw
from edition.pages.links import (
    actor_page,
    dated_line,
    home,
    identifiers_line,
    joined,
    lead_in,
    link,
    link_from,
    linked,
    names_line,
    sources_line,
)
from edition.pages.network import Edge, Node, describe, render_ranked_svg, render_svg

INDEX = "actors/index.md"
KINDS = {
    "person": ("People", "Person"),
    "state": ("States", "State"),
    "organisation": ("Organisations and institutions", "Organisation"),
    "group": ("Groups", "Group"),
}
#: What counts as a mention, as the actors index says it where the edition gives no rule of
#: its own (``extra.edition.mention_rule``, which may give examples from its text).
MENTION_RULE = (
    "An actor is mentioned where the essay names it by a form its entry lists: a person by "
    "any form of the name, with a title that stands before it, or by an office used as a "
    "name; a state by its name, by its capital standing for its government, or by “the” and "
    "the plural demonym for its people or leadership acting; an organisation or group by its "
    "name or abbreviation. A form is whole words, and an apostrophe or a hyphen ends a word: "
    "a possessive is a mention. No other ending is: a plural or a demonym counts only where "
    "the entry lists it. A name inside a longer glossary phrase is a mention too: the phrase "
    "keeps its one link in the text, and its entry says whom it names. The essay’s title "
    "carries no links, but its mentions count."
)


def mention_rule(option: object) -> str:
    """The rule the actors index states: ``option`` (``extra.edition.mention_rule``), or the
    generic one; a ``ValueError`` says what to fix."""
    if option is None:
        return MENTION_RULE
    if not isinstance(option, str) or not option.strip():
        raise ValueError("'mention_rule' must be the text of the rule, in plain words.")
    return " ".join(option.split())


CONTEXT = 160
#: The network draws at most this many actors, the most mentioned: more would be unreadable
#: (and the layout's cost grows with the square of their number).
MOST_DRAWN = 60


def snippet(mention: Mention, width: int = CONTEXT) -> tuple[str, str, str]:
    """The text around ``mention``, cut at words: before it, the mention, after it."""
    text, start, end = mention.context, mention.start, mention.end
    left = max(0, start - width)
    right = min(len(text), end + width)
    if left > 0:
        left = text.find(" ", left, start) + 1 or left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space > end else right
    before = ("…" if left > 0 else "") + text[left:start]
    after = text[end:right] + ("…" if right < len(text) else "")
    return before, text[start:end], after


def mention_list(
    mentions: list[Mention], page: str, title: Callable[[str], str]
) -> etree.Element:
    """Every mention as an ordered list: its passage's link, its part's title, its context.

    Built as elements, not Markdown: the author's text is escaped by the serialiser. The
    list is left out of the search index (Material's ``data-search-exclude``): it quotes the
    essay, whose sentences are found on their own page.
    """
    listing = element("ol", "\n", "\n", **SEARCH_EXCLUDE)
    for mention in mentions:
        item = etree.SubElement(listing, "li")
        item.tail = "\n"
        item.append(element("a", mention.place.label, " · ",
                            href=link_from(page, mention.place.target)))
        before, marked, after = snippet(mention)
        item.append(element("em", title(mention.place.page), f" · “{before}"))
        item.append(element("mark", marked, f"{after}”"))
    return listing


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def render_actor(
    actor: Entry, glossary: Glossary, occurrences: OccurrenceIndex, most: int = 10,
    events: Events | None = None,
) -> list[etree.Element]:
    """``actor``'s page, as the elements of its body."""
    page = actor_page(actor)
    mentions = occurrences.mentions(actor)
    places = occurrences.places(actor)
    together = occurrences.together(actor, glossary.actors)[:most]
    terms = [(t, n) for t, n in occurrences.together(actor, glossary.terms)
             if t.id != actor.term][:most]
    sections = [("mentions", "every mention")]
    sections += [("together", "appears most with")] if together else []
    sections += [("terms", "glossary terms")] if terms else []
    out = [
        block("h1", actor.name, class_="ed-heading"),
        block("p", f"{KINDS[actor.category][1]} · {_plural(len(mentions), 'mention')} in "
              f"{_plural(len(places), 'passage')} of the essay · entry by the editor",
              class_="ed-rubric"),
        block("p", "On this page: ",
              *joined(([link(text, f"#{anchor}")] for anchor, text in sections), " · "),
              class_="ed-gl-meta ed-contents"),
        *([native_name(actor)] if actor.native else []),
        block("p", *linked(actor, "summary", page, glossary), class_="ed-gl-definition"),
    ]
    if actor.note:
        out.append(block("p", *linked(actor, "note", page, glossary), class_="ed-gl-note"))
    out.append(block("p", *sources_line(actor.sources), class_="ed-gl-sources"))
    identifiers = identifiers_line(actor.identifiers)
    if identifiers:
        out.append(block("p", *identifiers, class_="ed-gl-sources ed-identifiers"))
    if actor.site is not None:  # the place it is at, on the places index
        target = link_from(page, f"places.md#{slugify(actor.site.name)}")
        out.append(block("p", *lead_in("Seat:"), link(actor.site.name, target),
                         ", on the index of places", class_="ed-gl-where"))
    out += dated_line(events, actor.events, page)
    if actor.term:
        term = glossary.term(actor.term)
        out.append(block("p", *lead_in("In the glossary:"),
                         link(term.name, link_from(page, home(term))), class_="ed-gl-where"))
    named = [e for e in occurrences.names(actor) if e.id != actor.term or e.kind != "term"]
    if named:
        out.append(block("p", *names_line(named, page), class_="ed-gl-names"))
    out += [
        block("h2", "Every mention, in reading order", id="mentions"),
        block("p", "The essay refers to it as "
              + ", ".join(f"“{form}”" for form in _forms(actor, glossary)) + "."
              + _variants_sentence(actor, glossary),  # searchable under every spelling
              class_="ed-gl-meta"),
        mention_list(mentions, page, occurrences.title),
    ]
    if together:
        out += [block("h2", "Appears most with", id="together"),
                block("p", "Other actors named in the same passages, and in how many.",
                      class_="ed-gl-meta"),
                bullets([link(o.name, link_from(page, actor_page(o))),
                         f" · {_plural(n, 'passage')}"] for o, n in together)]
    if terms:
        out += [block("h2", "Glossary terms in the same passages", id="terms"),
                bullets([link(t.name, link_from(page, home(t))), f" · {_plural(n, 'passage')}"]
                        for t, n in terms)]
    return out


def native_name(entry: Entry) -> etree.Element:
    """The name in its own script, "In Persian: محمدجواد ظریف", tagged with its language and
    direction so that a browser, a screen reader and a search engine read it as that language."""
    assert entry.native is not None
    text, lang = entry.native
    line = element("p", f"In {entry.native_language}: ", "\n", **{"class": "ed-gl-meta ed-native"})
    line.append(element("span", text, lang=lang, dir=entry.native_dir))
    return line


def _forms(actor: Entry, glossary: Glossary) -> tuple[str, ...]:
    linked = glossary.term(actor.term).forms if actor.term else ()
    return actor.forms + linked


def _variants_sentence(actor: Entry, glossary: Glossary) -> str:
    """The sentence " Also spelled “…”." for the actor's and its term's variants, or nothing."""
    variants = actor.variants + (glossary.term(actor.term).variants if actor.term else ())
    if not variants:
        return ""
    return " Also spelled " + ", ".join(f"“{v}”" for v in variants) + "."


def _sort_key(entry: Entry) -> str:
    return re.sub(r"^(the\s+)", "", entry.name, flags=re.IGNORECASE).casefold()


def _short_name(actor: Entry, glossary: Glossary) -> str:
    """An organisation's or group's glossary term ("IRGC", "NATO") when it is shorter."""
    if actor.term and actor.category in ("organisation", "group"):
        term = glossary.term(actor.term).name
        return term if len(term) < len(actor.name) else actor.name
    return actor.name


def _strong_edges(edges: list[Edge], threshold: int = 2) -> list[Edge]:
    """Links shared in ``threshold`` passages or more, and each actor's strongest link.

    Iran and Russia appear beside everyone once; drawing every such pair hides the shape.
    """
    strongest: dict[str, Edge] = {}
    for edge in sorted(edges, key=lambda e: (-e.weight, e.a, e.b)):
        strongest.setdefault(edge.a, edge)
        strongest.setdefault(edge.b, edge)
    keep = set(strongest.values())
    return [edge for edge in edges if edge.weight >= threshold or edge in keep]


def render_index(
    glossary: Glossary, occurrences: OccurrenceIndex, href: Callable[[Entry], str],
    rule: str = MENTION_RULE,
) -> list[etree.Element]:
    """The actors index, as the elements of its body; ``href`` gives an actor page's URL
    from the index, ``rule`` says what counts as a mention."""
    actors = [a for a in glossary.actors if occurrences.count(a)]
    drawn = sorted(actors, key=lambda a: (-occurrences.count(a), _sort_key(a)))[:MOST_DRAWN]
    drawn = [a for a in actors if a in drawn]  # in the glossary's order, as ever
    nodes = [Node(a.id, _short_name(a, glossary), a.category, occurrences.count(a), href(a),
                  a.name) for a in drawn]
    edges = _strong_edges([
        Edge(a.id, b.id, n)
        for i, a in enumerate(drawn)
        for b, n in occurrences.together(a, tuple(drawn[i + 1:]))
    ])
    which = ("" if len(drawn) == len(actors) else
             f" It draws the {len(drawn)} most often mentioned of the {len(actors)} actors.")
    summary = describe(nodes, edges)
    # Drawn at one unit to a CSS pixel at least (24 px targets on a phone, which
    # scrolls it sideways); 680 units fit the column at 1280 px.
    svg = render_svg(
        nodes, edges, title="Who appears with whom in the essay", description=summary,
        width=680, height=720,
    )
    # A phone draws the same network for its narrow box, as ranked rows (the stylesheet
    # shows one drawing or the other, by the width there is).
    ranked = render_ranked_svg(
        nodes, edges, title="Who appears with whom in the essay, most mentioned first",
        description=summary,
    )
    out = [
        block("h1", "Actors", class_="ed-heading"),
        block("p", "The editor's index of the essay's people, states, organisations and groups",
              class_="ed-rubric"),
        block("p", f"{len(actors)} actors the essay names or clearly refers to. Each has a page "
              "with every mention in context, linked to its paragraph, and the actors and "
              "glossary terms it appears with. In the essay, an actor is a link with a short "
              "description (hover, focus or tap it) once in each part, and the essay's subjects, "
              "named in most of its paragraphs, once in the whole essay; a name inside a longer "
              "glossary phrase is reached through that phrase's entry.", class_="ed-summary"),
        block("p", *lead_in("What counts as a mention."), rule, class_="ed-gl-note"),
        # The drawings, as lxml wrote them, in a figure of the edition's own words.
        raw("\n".join([
            '<figure class="ed-network">',
            svg,
            ranked,
            "<figcaption>Who appears with whom. A line joins two actors named together in at "
            "least two passages, or an actor to the one it is most often named with (on a "
            "narrow screen, an arc on the left joins them, the most mentioned first); the "
            "thicker the line, the more passages. The larger the shape, the more mentions. "
            "Circles are people, squares states, diamonds organisations, triangles groups. "
            f"Select a name to open its page; the lists below give every actor.{which}"
            "</figcaption>",
            "</figure>",
        ])),
    ]
    for kind, (heading, _) in KINDS.items():
        members = sorted((a for a in actors if a.category == kind), key=_sort_key)
        if not members:
            continue
        out += [block("h2", heading, id=kind),
                bullets([link(a.name, link_from(INDEX, actor_page(a))),
                         f" · {_plural(occurrences.count(a), 'mention')}"] for a in members)]
    return out
