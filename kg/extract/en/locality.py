"""Which places the release is about, per administrative level ("Changchun" as the city, ...).

Read from forms like "Changchun City", "CPC Changchun Municipal Committee", "Chenghua District",
"Jilin Province", weighted towards the title. Used to qualify implicit bodies ("the Municipal Party
Committee" in a Changchun paper is the CPC Changchun Municipal Committee).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kg.extract.en.lexicon import lexicon

_PLACE = re.compile(
    r"\b(?:CPC |CPPCC )?([A-Z][a-z]{2,}(?:[ -][A-Z][a-z]+)?)[ \u00a0]+"
    r"(City|Municipal|Municipality|County|District|Province|"
    r"Provincial|city|county|district|province|municipal)\b"
)
_NOT_PLACE = frozenset(
    """the a this that our each every seventh sixth fifth fourth third second first eighth ninth tenth
    eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth
    municipal county district provincial city province central national people new special standing
    relevant other all whole local chinese capital host home this""".split()
)
_LEVEL_OF = {
    "city": "municipal",
    "municipal": "municipal",
    "municipality": "municipal",
    "county": "county",
    "district": "district",
    "province": "provincial",
    "provincial": "provincial",
}


@dataclass
class Locality:
    by_level: dict[str, str] = field(default_factory=dict)  # level key -> place name
    main: str | None = None
    main_level: str | None = None

    def place(self, level: str | None) -> str | None:
        if level and level in self.by_level:
            return self.by_level[level]
        return None


def find_locality(text: str, title: str | None, site: str | None = None) -> Locality:
    """``site`` is the source site of the release's file name ("en-shaoxing-..." -> "shaoxing"): a place the
    text names at some level that the site also names is the release's own place at that level (a site
    name alone is never a place)."""
    lex = lexicon()
    counts: dict[str, Counter[str]] = {}
    first: dict[str, int] = {}
    for src, weight in ((title or "", 2), (text, 1)):
        for m in _PLACE.finditer(src):
            words = m.group(1).split()
            while words and words[0].lower() in _NOT_PLACE:
                words = words[1:]
            if not words:
                continue
            name = " ".join(words)
            if name.lower() in lex.role_words or any(w.lower() in _NOT_PLACE for w in words):
                continue
            if any(w in lex.body_heads or w.lower() in lex.place_heads for w in words):
                continue
            level = _LEVEL_OF[m.group(2).lower()]
            counts.setdefault(level, Counter())[name] += weight
            first.setdefault(name, m.start() if src is text else -1)
    if site:
        for c in counts.values():
            for name in list(c):
                if name.lower().replace(" ", "").replace("-", "") == site:
                    c[name] += max(c.values())  # the site's own place outweighs any other of its level
    loc = Locality()
    overall: Counter[str] = Counter()
    for level, c in counts.items():
        best = sorted(c.items(), key=lambda kv: (-kv[1], first.get(kv[0], 0), kv[0]))[0]
        loc.by_level[level] = best[0]
        overall[(best[0], level)] = best[1]
    if not overall:
        # no "X City"/"X County" anywhere: the pinyin place word the release repeats most ("Dalian")
        from kg.extract.en.names import syllable_count

        # words the text also writes after another capitalized word ("Moxi" in "New Moxi"): one pass,
        # the set of whole words that follow "Xxx " anywhere (a search per word would be quadratic)
        after_cap = {m.group(1) for m in re.finditer(r"\b[A-Z][a-z]+ (?=(\w+))", text)}
        words = Counter(
            w
            for w in re.findall(r"(?<![\w’'-])([A-Z][a-z]{3,})(?![\w’'-])(?!\s+[A-Z][a-z])", text)
            if w.lower() not in lex.not_name_words
            and w.lower() not in lex.surnames
            and 2 <= syllable_count(w) <= 3
            and w not in after_cap
        )
        common = [(n, w) for w, n in words.items() if n >= 3]
        if common:
            n, w = sorted(common, key=lambda x: (-x[0], x[1]))[0]
            loc.by_level["municipal"] = w
            overall[(w, "municipal")] = n
    if overall:
        order = {"district": 0, "county": 1, "municipal": 2, "provincial": 3}
        (name, level), _ = sorted(overall.items(), key=lambda kv: (-kv[1], order[kv[0][1]]))[0]
        loc.main, loc.main_level = name, level
    return loc
