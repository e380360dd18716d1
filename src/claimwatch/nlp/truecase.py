"""Restore letter case in all-lower or ALL-UPPER text before the cased spaCy model sees it.

spaCy's English model leans on capitals to find names; wire-service archives (MUC-4) come in
one case only. A word-frequency case table learnt from cased English news says, for each
word, its usual written form ("fmln" -> "FMLN", "salvador" -> "Salvador", "army" -> "army").
Words the table does not know are treated as names when they do not look like English
(no common English ending), because in news the unknown words are mostly names.

The table is ``data/truecase.tsv`` (``form<TAB>count``; the word is ``form.lower()``), rebuilt by
``make train`` from the cased texts named in ``scripts/train_truecaser.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

WORD = re.compile(r"(?<![0-9A-Za-z])[A-Za-z]+(?:['.&-][A-Za-z]+)*")
SENTENCE_END = re.compile(r"[.!?:]['\")\]]*\s+$|^\s*$|\n\s*\n\s*$")
# Endings of ordinary English words: an unknown word with one of these stays lower case.
ENGLISH_ENDINGS = (
    "ing", "ings", "ed", "ly", "tion", "tions", "sion", "sions", "ness", "ment", "ments",
    "able", "ible", "ous", "ive", "ives", "ize", "ized", "izes", "ise", "ised", "ity", "ities",
    "ies", "ful", "less", "ship", "ward", "wards", "ism", "isms", "ist", "ists", "ance", "ence",
    "ical", "ically",
)
MIN_NAME_LENGTH = 3
VOWELS = set("aeiouy")
MAX_ACRONYM_LENGTH = 6


@lru_cache(maxsize=1)
def case_table() -> dict[str, str]:
    """The shipped table: lower-case word -> usual written form (known words only).

    Words known only from the word-frequency list (count 0: never seen in cased news)
    map to ``""``: lower case unless they stand between two names ("Luis arturo Isaacs").
    """
    text = resources.files("claimwatch.data").joinpath("truecase.tsv").read_text("utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            form, count = line.split("\t", 1)
            table[form.lower()] = form if count.strip() != "0" else ""
    return table


def _looks_like_name(word: str) -> bool:
    return len(word) >= MIN_NAME_LENGTH and word.isalpha() and not word.endswith(ENGLISH_ENDINGS)


def _looks_like_acronym(word: str, before: str, after: str) -> bool:
    """An unknown short word in parentheses ("(urng)") or without vowels ("fmln")."""
    if not word.isalpha() or len(word) > MAX_ACRONYM_LENGTH or len(word) < 2:
        return False
    return (before.endswith("(") and after.startswith(")")) or not (set(word) & VOWELS)


def _cased(word: str, table: dict[str, str], guess_unknown: bool, context: tuple[str, str]) -> str:
    form = table.get(word)
    if form:
        return form
    if guess_unknown and _looks_like_acronym(word, *context):
        return word.upper()
    if form is not None:
        return word
    if guess_unknown and _looks_like_name(word):
        return word[:1].upper() + word[1:]
    return word


def truecase(text: str, *, guess_unknown: bool = True) -> str:
    """``text`` with each word in its usual case; offsets and length are unchanged.

    Works on lower-case or upper-case input (it is lowered first); sentence-initial words
    get a capital. ``guess_unknown`` capitalises unknown words that do not look English.
    """
    table = case_table()
    lowered = text.lower()
    out: list[str] = []
    last = 0
    for m in WORD.finditer(lowered):
        out.append(lowered[last:m.start()])
        context = (lowered[max(0, m.start() - 1):m.start()], lowered[m.end():m.end() + 1])
        word = _cased(m.group(), table, guess_unknown, context)
        if SENTENCE_END.search(lowered[max(0, m.start() - 12):m.start()]) or m.start() == 0:
            word = word[:1].upper() + word[1:]
        out.append(word)
        last = m.end()
    out.append(lowered[last:])
    _capitalise_between_names(out, table)
    result = "".join(out)
    assert len(result) == len(text)
    return result


def _capitalise_between_names(pieces: list[str], table: dict[str, str]) -> None:
    """Dictionary-only words flanked by capitalised words are part of a name."""
    words = pieces[1::2]  # pieces alternate: gap, word, gap, word, ..., gap
    for i in range(1, len(words) - 1):
        gap_before, gap_after = pieces[2 * i], pieces[2 * i + 2]
        if (table.get(words[i]) == "" and words[i - 1][:1].isupper()
                and words[i + 1][:1].isupper() and gap_before == " " and gap_after == " "):
            pieces[2 * i + 1] = words[i][:1].upper() + words[i][1:]


def _is_headline(sentence: str) -> bool:
    """Title-case lines ("Roadside IED Kills General") say nothing about a word's case."""
    long_words = [w for w in WORD.findall(sentence) if len(w) > 3]
    capitalised = sum(1 for w in long_words if w[:1].isupper())
    return len(long_words) >= 3 and capitalised > 0.6 * len(long_words)


def count_forms(texts: list[str]) -> dict[str, dict[str, int]]:
    """How often each word is written in each form, ignoring sentence-initial positions."""
    counts: dict[str, dict[str, int]] = {}
    for text in texts:
        for m in WORD.finditer(text):
            before = text[max(0, m.start() - 12):m.start()]
            if m.start() == 0 or SENTENCE_END.search(before):
                continue
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            if _is_headline(text[line_start:line_end if line_end >= 0 else len(text)]):
                continue
            forms = counts.setdefault(m.group().lower(), {})
            forms[m.group()] = forms.get(m.group(), 0) + 1
    return counts


def build_table(counts: dict[str, dict[str, int]], min_count: int = 2) -> list[tuple[str, int]]:
    """Rows ``(form, count)`` for each word seen ``min_count`` times (count 0: word list only).

    The form is the commonest capitalised one only if it is at least twice as common as the
    lower-case spelling ("us" stays lower though "US" is frequent in news).
    """
    rows = []
    for word, forms in sorted(counts.items()):
        total = sum(forms.values())
        if 0 < total < min_count:
            continue
        form, n = max(forms.items(), key=lambda kv: (kv[1], kv[0] == word))
        if form != word and n < 2 * forms.get(word, 0):
            form = word
        rows.append((form, total))
    return rows
