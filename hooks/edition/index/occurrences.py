"""Where each entry occurs: one build's record, in the essay's reading order."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from edition.data.datafile import Problem
from edition.data.forms import fold
from edition.data.glossary import Entry
from edition.text.annotate import Occurrence
from edition.text.places import Place


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entry, where it is and the text around it."""

    place: Place
    text: str
    start: int
    end: int
    context: str
    nested: bool = False


#: A form matched more often than this share of the essay's words is a common word, not a
#: name. Even an essay's subject is rarely more than 2% of its words (Iran, the subject
#: here, is 41 of the essay's 2,735 words, one in 67), while "the" is about 6% of English
#: prose, "of" 3% and "to" 2.5%: one word in forty is more than any name.
MAX_SHARE = 1 / 40
#: ...and more often than this, so that a short test essay naming its subject twice passes.
MIN_COUNT = 20


def _key(entry: Entry) -> tuple[str, str]:
    return entry.kind, entry.id


class OccurrenceIndex:
    """Every occurrence of every entry in one build."""

    def __init__(self) -> None:
        self._mentions: dict[tuple[str, str], list[Mention]] = defaultdict(list)
        self._forms: Counter[str] = Counter()
        self._names: dict[tuple[str, str], dict[tuple[str, str], Entry]] = defaultdict(dict)
        self._at: dict[Place, set[tuple[str, str]]] = defaultdict(set)
        self._shared_counts: dict[tuple[str, str], Counter[tuple[str, str]]] = {}
        self.titles: dict[str, str] = {}

    def add(self, page: str, occurrence: Occurrence) -> None:
        """Record ``occurrence`` on ``page`` for every entry it counts for."""
        mention = Mention(
            Place(page, occurrence.block), occurrence.text, occurrence.start, occurrence.end,
            occurrence.context, occurrence.nested,
        )
        for entry in occurrence.target.counts:
            self._mentions[_key(entry)].append(mention)
        if occurrence.outer is not None:  # named by the entry its own link would lead to
            named = occurrence.target.entry
            for outer in occurrence.outer.counts:
                self._names[_key(outer)].setdefault(_key(named), named)
        self._forms[fold(occurrence.text)] += 1
        self._at.clear()
        self._shared_counts.clear()

    def title(self, page: str) -> str:
        """The title of the essay page ``page`` (its path if it has none)."""
        return self.titles.get(page, page)

    def mentions(self, entry: Entry) -> list[Mention]:
        """Every mention of ``entry`` in reading order."""
        return sorted(self._mentions.get(_key(entry), []),
                      key=lambda m: (m.place.order, m.start))

    def places(self, entry: Entry) -> list[tuple[Place, int]]:
        """The blocks where ``entry`` occurs, in reading order, with how often."""
        counts = Counter(mention.place for mention in self._mentions.get(_key(entry), []))
        return sorted(counts.items(), key=lambda item: item[0].order)

    def count(self, entry: Entry) -> int:
        """How many times ``entry`` occurs in all."""
        return len(self._mentions.get(_key(entry), []))

    def _shared(self, key: tuple[str, str]) -> Counter[tuple[str, str]]:
        """How many blocks the entry ``key`` shares with each other entry (computed once).

        Counted through the entries of each of its blocks, so the cost follows the text,
        not the size of the glossary.
        """
        if not self._at:
            for other, mentions in self._mentions.items():
                for mention in mentions:
                    self._at[mention.place].add(other)
        if key not in self._shared_counts:
            places = {mention.place for mention in self._mentions.get(key, [])}
            counts: Counter[tuple[str, str]] = Counter()
            for place in places:
                counts.update(self._at[place])
            del counts[key]
            self._shared_counts[key] = counts
        return self._shared_counts[key]

    def together(self, entry: Entry, others: tuple[Entry, ...]) -> list[tuple[Entry, int]]:
        """The ``others`` that share blocks with ``entry``: how many blocks, most first."""
        shared = self._shared(_key(entry))
        found = [(other, shared[_key(other)]) for other in others
                 if _key(other) in shared and _key(other) != _key(entry)]
        return sorted(found, key=lambda item: (-item[1], item[0].name))

    def names(self, entry: Entry) -> list[Entry]:
        """The entries whose forms stand inside ``entry``'s phrases in the essay, first first.

        "Iran-Iraq War" names Iran: the reader reaches Iran's page from the war's entry.
        """
        return list(self._names.get(_key(entry), {}).values())

    def form_count(self, form: str) -> int:
        """How often ``form`` occurs in the essay, nested occurrences included."""
        return self._forms[fold(form)]

    def unused_forms(self, entries: tuple[Entry, ...]) -> list[tuple[Entry, str]]:
        """The (entry, form) pairs that occur nowhere in the essay."""
        return [(e, form) for e in entries for form in e.forms if not self._forms[fold(form)]]

    def frequent_forms(
        self, entries: tuple[Entry, ...], words: int
    ) -> list[tuple[Entry, str, int]]:
        """The (entry, form, count) of forms too frequent to be names in an essay of ``words``.

        See :data:`MAX_SHARE` and :data:`MIN_COUNT`.
        """
        limit = max(MIN_COUNT, MAX_SHARE * words)
        return [(e, form, self.form_count(form)) for e in entries for form in e.forms
                if self.form_count(form) > limit]


def frequent_form_problem(
    file: str, entry: Entry, form: str, count: int, words: int
) -> Problem:
    """What to say of a form found ``count`` times in an essay of ``words`` words."""
    return Problem(file, entry.line, (
        f"{entry.kind} '{entry.name}': '{form}' occurs {count} times in "
        f"the essay's {words} words, more than one word in {round(1 / MAX_SHARE)}: no name is "
        "that common. Use the longer phrase the essay writes, or remove it."
    ))
