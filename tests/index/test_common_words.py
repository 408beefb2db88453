"""A glossary form that is a common English word and matches in lower case is refused, with
the passages of the essay it would link, unless its entry says why it means the word."""

from __future__ import annotations

import pytest
from wordfreq import zipf_frequency

from edition.data import forms
from edition.data.glossary import parse
from edition.index.checks import common_word_problems
from support.data import GOOD_ENTRY

#: The words a hand-kept list let through, as the essay uses them.
SLIPPED = ["war", "deal", "crisis", "talks", "sanctions", "regime", "leadership", "state"]
ADVICE = ("List the longer phrase the essay writes instead; or, if the entry means this word "
          "wherever the essay uses it, say why in 'common_word: ...' on the entry.")


def glossary(*aliases: str, case: str = "auto", extra: str = ""):
    lines = "".join(f'      - "{alias}"\n' for alias in aliases)
    entry = GOOD_ENTRY.replace("    aliases: [Joint Comprehensive Plan of Action]\n",
                               f"    aliases:\n{lines}    case: {case}\n{extra}")
    return parse(("terms:\n" + entry).encode())


def block(number: int, text: str) -> tuple[str, str, str]:
    return ("essay/part.md", f"p{number}", text)


@pytest.mark.parametrize("word", SLIPPED)
def test_a_common_word_is_refused_with_the_passages_it_would_link(word: str) -> None:
    blocks = [block(1, "Nothing here."), block(15, f"The strains of {word} in Tehran.")]
    (problem,) = common_word_problems(glossary(word), blocks)
    assert str(problem) == (
        f"glossary.yml:2: term 'JCPOA': the alias '{word}' is a common English word (Zipf "
        f"frequency {zipf_frequency(word, 'en'):.2f} in wordfreq's English list; 3.5 or more is "
        f"common) and matches in lower case, so it would link ¶15 ('The strains of {word} in "
        f"Tehran.'). {ADVICE}")


@pytest.mark.parametrize("name", ["Iran", "Russia", "Moscow", "Washington", "Trump"])
def test_a_capitalised_name_that_is_frequent_passes(name: str) -> None:
    assert common_word_problems(glossary(name), [block(1, f"{name} and {name.lower()}.")]) == []


def test_case_exact_with_a_capital_opts_in_and_case_ignore_does_not() -> None:
    blocks = [block(3, "The War came.")]
    assert common_word_problems(glossary("War", case="exact"), blocks) == []
    (problem,) = common_word_problems(glossary("War", case="ignore"), blocks)
    assert "the alias 'War' is a common English word" in str(problem)
    assert "it would link ¶3 ('The War came.')" in str(problem)


def test_an_entry_that_says_why_may_mean_a_common_word() -> None:
    reason = '    common_word: "The essay means the UN\'s veto wherever it writes it."\n'
    assert common_word_problems(glossary("veto", extra=reason), [block(6, "Russia's veto.")]) == []


def test_a_rare_lower_case_word_passes() -> None:
    assert common_word_problems(glossary("irredentist"), [block(2, "an irredentist claim")]) == []


def test_a_word_inside_a_longer_form_is_not_a_passage_it_would_link() -> None:
    found = common_word_problems(glossary("Iran-Iraq war", "war"),
                                 [block(4, "the Iran-Iraq war"), block(9, "a war of words")])
    assert "so it would link ¶9 ('a war of words')." in str(found[0])
    assert "¶4" not in str(found[0])


def test_many_passages_are_counted_past_the_first_five() -> None:
    blocks = [block(n, f"war {n}") for n in range(1, 9)]
    (problem,) = common_word_problems(glossary("war"), blocks)
    assert ("it would link ¶1 ('war 1'); ¶2 ('war 2'); ¶3 ('war 3'); ¶4 ('war 4'); "
            "¶5 ('war 5'); and 3 more.") in str(problem)


def test_a_common_word_the_essay_never_uses_is_refused_all_the_same() -> None:
    (problem,) = common_word_problems(glossary("deal"), [block(1, "No such word.")])
    assert "so it would link no passage of the essay yet." in str(problem)


def test_an_actor_is_named_as_an_actor() -> None:
    text = ("terms:\n" + GOOD_ENTRY + "actors:\n  - name: Hassan Rouhani\n    kind: person\n"
            "    aliases: [Rouhani, leadership]\n    description: President of Iran.\n"
            "    sources: [{title: R, url: \"https://example.org/r\"}]\n")
    (problem,) = common_word_problems(parse(text.encode()), [block(2, "the leadership")])
    assert str(problem).startswith(
        "glossary.yml:10: actor 'Hassan Rouhani': the alias 'leadership' is a common English word")


def test_a_paragraph_is_named_once_with_how_often_the_word_would_link_there() -> None:
    (problem,) = common_word_problems(glossary("war"), [block(4, "war and war and war")])
    assert "so it would link ¶4 ('war and war and', 3 times)." in str(problem)


def test_the_list_asked_gives_every_common_word_the_frequency_of_the_full_list() -> None:
    from wordfreq import iter_wordlist

    from edition.data.forms import COMMON_ZIPF, WORDLIST

    common = []
    for word in iter_wordlist("en", "large"):
        frequency = zipf_frequency(word, "en", "large")
        if frequency < COMMON_ZIPF:
            break
        common.append((word, frequency))
    assert len(common) > 10_000
    assert all(zipf_frequency(word, "en", WORDLIST) == frequency for word, frequency in common)
    assert all(zipf_frequency(word, "en", "large") < COMMON_ZIPF for word in iter_wordlist(
        "en", WORDLIST) if zipf_frequency(word, "en", WORDLIST) < COMMON_ZIPF)


def test_wordfreqs_answers_are_kept_and_a_new_process_reads_them_back(
        tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path))
    blocks = [block(15, "The strains of war in Tehran."), block(2, "an irredentist claim")]
    forms._known.cache_clear()
    try:
        first = common_word_problems(glossary("war", "irredentist"), blocks)
        assert len(first) == 1 and "'war'" in str(first[0])
        forms._known.cache_clear()  # what a new process knows: the store's file
        monkeypatch.setattr(forms, "zipf", lambda form: pytest.fail(f"wordfreq asked {form!r}"))
        assert common_word_problems(glossary("war", "irredentist"), blocks) == first
    finally:
        forms._known.cache_clear()
