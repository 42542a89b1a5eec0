"""The language knowledge of the Chinese parser, read from the data files in kg/data/zh/ through
``kg.knowledge`` (the analyst's ``KG_DATA_PATH`` folders overlay every table; one lexicon per value)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg import knowledge
from kg.knowledge import Line


def _lines(name: str) -> list[str]:
    """The entries of ``kg/data/zh/NAME`` (the analyst's rows first), through the one loader."""
    return [row.text for row in knowledge.lines(f"zh/{name}")]


def _sections(name: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    cur = ""
    for line in _lines(name):
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            cur = line[1:-1]
            out.setdefault(cur, [])
        else:
            out.setdefault(cur, []).append(line)
    return out


@dataclass(frozen=True)
class Province:
    full: str  # 山东省, 内蒙古自治区, 上海市
    short: str  # 山东
    committee: str  # 省委 | 自治区党委 | 市委
    cities: tuple[str, ...]


@dataclass
class Lexicon:
    surnames1: frozenset[str]
    surnames2: frozenset[str]
    roles: dict[str, str]  # role -> implied
    roles_by_len: list[str]
    verbs: dict[str, str]
    verbs_by_len: list[str]
    boundaries: list[str]
    descriptors: list[str]
    bodies: list[list[str]]  # each: surface forms, first preferred
    body_heads: list[str]
    countries: dict[str, list[str]]  # any form -> all forms
    provinces: list[Province]
    initiatives: list[list[str]]
    cues: dict[str, list[str]] = field(default_factory=dict)
    party_organs: frozenset[str] = frozenset()
    attached_organs: frozenset[str] = frozenset()  # organs of any body named before them (党组)
    not_names: frozenset[str] = frozenset()
    genre_words: frozenset[str] = frozenset()  # activities, never places (genre_words.txt)
    departments: tuple[str, ...] = ()  # government departments after a level word (departments.txt)
    list_cues: dict[str, list[str]] = field(default_factory=dict)  # cues opening a bare name list
    postfix_roles: dict[str, bool] = field(default_factory=dict)  # 习某某总书记: role -> gives a post
    footer_cues: tuple[str, ...] = ()  # a line opening the footer of other stories (新闻推荐)
    appointment_cues: dict[str, list[str]] = field(default_factory=dict)  # 推选甲为团长 (verbs, after)
    companion_words: tuple[str, ...] = ()  # 甲和夫人乙: a companion named after a person
    org_heads: tuple[str, ...] = ()  # 协会, 商会, 大使馆: heads of associations and missions (org_heads.txt)
    generic_bodies: tuple[str, ...] = ()  # 行业, 相关: a kind of association, not one (generic_bodies.txt)
    # relation cues (relation_cues.tsv): 由甲主持 cues (cue -> relation), and each (cue, voice) row
    passive: dict[str, str] = field(default_factory=dict)
    cue_lines: dict[tuple[str, str], Line] = field(default_factory=dict)
    # 自治区主席: (place suffix, role) -> the body word of the place's government (place_roles.tsv)
    place_roles: dict[tuple[str, str], str] = field(default_factory=dict)
    # the data line behind an entry, for provenance (kg extract --trace): table -> entry -> Line
    rows: dict[str, dict[str, Line]] = field(default_factory=dict)

    @property
    def met_cues(self) -> tuple[str, ...]:
        """The active cues of relation met_with (会见, 会谈): their object takes part in the meeting."""
        if not hasattr(self, "_met"):
            self._met = tuple(c for c, r in self.verbs.items() if r == "met_with")
        return self._met

    @property
    def place_names(self) -> frozenset[str]:
        """Province short names and city stems (a name is never one of these)."""
        if not hasattr(self, "_places"):
            out = set()
            for p in self.provinces:
                out.add(p.short)
                out.update(c.rstrip("市") for c in p.cities)
            self._places = frozenset(out)
        return self._places

    def starting(self, words: str, s: str, i: int) -> str | None:
        """The longest word of the list ``words`` ('roles', 'verbs', 'boundaries') starting at s[i]."""
        for w in self._index[words].get(s[i:i + 1], ()):
            if s.startswith(w, i):
                return w
        return None

    def ending(self, words: str, s: str, j: int) -> str | None:
        """The longest word of the list ``words`` ending right before s[j]."""
        for w in self._rindex[words].get(s[j - 1:j], ()):
            if j >= len(w) and s.startswith(w, j - len(w)):
                return w
        return None

    def __post_init__(self) -> None:
        lists = {"roles": self.roles_by_len, "verbs": self.verbs_by_len, "boundaries": self.boundaries,
                 "descriptors": self.descriptors}
        self._index: dict[str, dict[str, list[str]]] = {}
        self._rindex: dict[str, dict[str, list[str]]] = {}
        for k, ws in lists.items():
            fwd: dict[str, list[str]] = {}
            rev: dict[str, list[str]] = {}
            for w in sorted(ws, key=len, reverse=True):
                fwd.setdefault(w[0], []).append(w)
                rev.setdefault(w[-1], []).append(w)
            self._index[k], self._rindex[k] = fwd, rev

    def is_surname_start(self, s: str) -> int:
        """Length of the surname that s starts with (2 for compound surnames), else 0."""
        if s[:2] in self.surnames2:
            return 2
        return 1 if s[:1] in self.surnames1 else 0


def _with_gazetteer(provinces: list[Province]) -> list[Province]:
    """The parser's provinces plus the places of the identity layer's gazetteer (kg/data/aliases/places.tsv
    and the analyst's KG_DATA_PATH tables, rows `en<TAB>zh<TAB>province_en`), so that a place added
    there once is known to both.  A row naming itself as province (`Xiyuan 西原 Xiyuan`) is a province
    (省 unless its name says 自治区 / 市); the other rows are its cities.  A new province needs a city row
    or an explicit 省: 香港 / 澳门 are province-level without being 省."""
    rows = _gazetteer()
    prov_zh = {p.en: p.zh for p in rows if p.en == p.province}
    by_short = {p.short: p for p in provinces} | {p.full: p for p in provinces}
    cities: dict[str, list[str]] = {}
    for p in rows:
        if p.en != p.province and p.province in prov_zh:
            stem = p.zh[:-1] if p.zh.endswith("市") and len(p.zh) > 2 else p.zh
            cities.setdefault(prov_zh[p.province], []).append(stem)
    out = list(provinces)
    for en in sorted(prov_zh):
        zh = prov_zh[en]
        suffix = next((x for x in ("自治区", "省", "市") if zh.endswith(x) and len(zh) > len(x) + 1), "")
        short, full = (zh[:-len(suffix)], zh) if suffix else (zh, zh + "省")
        committee = {"自治区": "自治区党委", "市": "市委"}.get(suffix, "省委")
        new = [c for c in cities.get(zh, []) if len(c) >= 2]
        old = by_short.get(short) or by_short.get(full)
        if old is None and not new and not zh.endswith("省"):
            continue
        if old is None:
            old = Province(full, short, committee, (short,) if committee == "市委" else ())
            out.append(old)
        extra = tuple(c for c in dict.fromkeys(new) if c not in old.cities and c != old.short)
        if extra:
            out[out.index(old)] = by_short[short] = by_short[full] = Province(
                old.full, old.short, old.committee, old.cities + extra)
    return out


@dataclass(frozen=True)
class _Place:
    en: str
    zh: str
    province: str


def _gazetteer() -> list[_Place]:
    """aliases/places.tsv (``en<TAB>zh<TAB>province_en``, the analyst's rows first) in simplified
    characters, longest names first: read here through the one loader (resolution is a later stage)."""
    from kg.extract.zh.script import to_simplified

    out = []
    for row in knowledge.lines("aliases/places.tsv"):
        c = row.cells
        if len(c) > 1:
            out.append(_Place(c[0], to_simplified(c[1]), c[2] if len(c) > 2 and c[2] else c[0]))
    return sorted(out, key=lambda p: (-len(p.zh), -len(p.en), p.en))


@knowledge.keyed  # one per KG_DATA_PATH value; kept alive, as caches elsewhere key on id(lexicon)
def lexicon() -> Lexicon:
    """The lexicon for the current KG_DATA_PATH (the analyst's places join the bundled ones)."""
    s1: set[str] = set()
    s2: set[str] = set()
    for line in _lines("surnames.txt"):
        for tok in line.split():
            (s2 if len(tok) == 2 else s1).add(tok)
    roles = {}
    for line in _lines("roles.tsv"):
        parts = line.split("\t")
        roles[parts[0].strip()] = parts[1].strip() if len(parts) > 1 else "-"
    verbs, passive, cue_lines = _relation_cues()
    countries: dict[str, list[str]] = {}
    for line in _lines("countries.txt"):
        forms = [f.strip() for f in line.split("|") if f.strip()]
        for f in forms:
            countries[f] = forms
    provinces = []
    for line in _lines("places.tsv"):
        full, short, committee, cities = line.split("\t")
        provinces.append(Province(full, short, committee, tuple(cities.split())))
    provinces = _with_gazetteer(provinces)
    return Lexicon(
        surnames1=frozenset(s1),
        surnames2=frozenset(s2),
        roles=roles,
        roles_by_len=sorted(roles, key=len, reverse=True),
        verbs=verbs,
        verbs_by_len=sorted(set(verbs) | set(passive), key=len, reverse=True),
        # a relation cue of two characters or more after a name ends it, like a boundary word
        boundaries=sorted({x.strip() for x in _lines("boundaries.txt")} | {c for c in verbs if len(c) > 1},
                          key=len, reverse=True),
        descriptors=sorted({x.strip() for x in _lines("descriptors.txt")}, key=len, reverse=True),
        bodies=[[f.strip() for f in line.split("|") if f.strip()] for line in _lines("bodies.txt")],
        body_heads=sorted({x.strip() for x in _lines("body_heads.txt")}, key=len, reverse=True),
        countries=countries,
        provinces=provinces,
        initiatives=[[f.strip() for f in line.split("|") if f.strip()] for line in _lines("initiatives.txt")],
        cues=_sections("initiative_cues.txt"),
        party_organs=frozenset(x.strip() for x in _lines("party_organs.txt")),
        attached_organs=frozenset(x.strip() for x in _lines("attached_organs.txt")),
        not_names=frozenset(x.strip() for x in _lines("not_names.txt")),
        genre_words=frozenset(x.strip() for x in _lines("genre_words.txt")),
        departments=tuple(sorted({x.strip() for x in _lines("departments.txt")}, key=len, reverse=True)),
        list_cues=_sections("list_cues.txt"),
        footer_cues=tuple(x.strip() for x in _lines("footer_cues.txt")),
        appointment_cues=_sections("appointment_cues.txt"),
        companion_words=tuple(x.strip() for x in _lines("companion_words.txt")),
        org_heads=tuple(sorted({x.strip() for x in _lines("org_heads.txt")}, key=len, reverse=True)),
        generic_bodies=tuple(x.strip() for x in _lines("generic_bodies.txt")),
        postfix_roles={ln.split("\t")[0].strip(): ln.split("\t")[1].strip() == "post"
                       for ln in _lines("postfix_roles.tsv")},
        passive=passive,
        cue_lines=cue_lines,
        place_roles={(c[0].strip(), c[1].strip()): c[2].strip()
                     for c in (ln.split("\t") for ln in _lines("place_roles.tsv")) if len(c) >= 3},
        rows={name: _rows(name) for name in _TRACED},
    )


_TRACED = ("roles.tsv", "bodies.txt", "body_heads.txt", "departments.txt", "initiatives.txt", "org_heads.txt",
           "countries.txt", "list_cues.txt", "postfix_roles.tsv")


def _rows(name: str) -> dict[str, Line]:
    """Each entry of a table (every ``|``-separated form of a line) -> its data line, first row wins."""
    out: dict[str, Line] = {}
    for row in knowledge.lines("zh/" + name):
        for form in row.cells[0].split("|"):
            if form.strip():
                out.setdefault(form.strip(), row)
    return out


def _relation_cues() -> tuple[dict[str, str], dict[str, str], dict[tuple[str, str], Line]]:
    """relation_cues.tsv (``cue<TAB>relation<TAB>voice``): the active cues (甲主持), the passive cues
    (由甲主持), each -> its relation id, and the data line of each (cue, voice)."""
    active: dict[str, str] = {}
    passive: dict[str, str] = {}
    rows: dict[tuple[str, str], Line] = {}
    for c in knowledge.relation_cues("zh"):  # checked against relations.tsv by the loader
        if (c.cue, c.voice) in rows:
            continue  # the analyst's row (read first) wins
        rows[c.cue, c.voice] = c.line
        (passive if c.voice == "passive" else active)[c.cue] = c.relation
    return active, passive, rows
