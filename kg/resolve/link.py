"""Identity over the whole batch: the pass between per-release resolution and the RDF stage.

One release alone cannot tell whether the Zhou Wenbo who is Mayor of Qingshan in 2024 is the Zhou Wenbo
who is Secretary in Lanhe in 2025, nor who the "Lin Haoran" of an attendance list is. ``Linker`` reads
every Extraction of a batch (compact records only), then ``Identity`` answers, for each release and
each name as written there, the person IRI tail, and for each initiative name its canonical identity.

PERSONS. A mention is (name key, anchor, date) - see kg/resolve/persons.py for key and anchor.
- Anchored mentions with the same key and anchor are one *member* (kgid:person/<key>--<anchor>).
- Members with the same key are one person when every pair of them is compatible: their places nest
  (the same place; a city and its province in places.tsv, KG_DATA_PATH included; a national seat
  beside a Chinese place) or their careers follow each other in time (the dated mentions of one all
  precede those of the other: a transfer), unless the later is a county post after a city or higher
  one (a step down across places). Two members seen at overlapping times in places that do not nest
  are two people (homonyms). Members are taken in order of first attestation; a member that fits two
  different persons joins neither (precision first: which career it continues is not in the data).
  Undated mentions only join by nesting.
- The IRI of a person is that of its first-attested member; its other members' IRIs are kept as
  owl:sameAs (so an IRI minted by an earlier, smaller batch still leads to the person).
- An unanchored mention (no post, or posts only in bodies whose place is implicit) joins the one
  person of its key whose places nest with the release's locality (a place the gazetteer does not
  know may nest with anything; without a locality: the only person of its key); several candidates
  are narrowed by date; still several: it stays in its release
  (kgid:person/<key>--in-<release>); none: the bare key (kgid:person/<key>).
- persons.tsv fixes the IRI of well-known officials (xi-jinping--china); they are not clustered.

ACROSS INGESTS. Each release graph keeps the compact record the linker read from it
(``Linker.record``, ``kgo:linkerRecord`` on the release); a later ingest seeds its linker with the
stored records (``Linker.add_stored``), so that its releases are linked with those already stored as
if they had been one batch, and a person whose IRI is already in the store keeps it (the earliest
stored member heads the cluster); the new release's own member IRI is its owl:sameAs, and so is any
IRI a stored release gave the person that the whole store now decides otherwise (a name without a
post stored alone, later joined to a career).

EVIDENCE OF TWO WRITTEN FORMS. A release that writes both forms side by side - 阿斯特丽德·林奎斯特
（Astrid Lindqvist）, the "Lanhe River Ecological Corridor Project" (澜河生态廊道工程) - links them for
the whole batch: the foreign name takes the Latin form's key, the initiative the English form's IRI.
Pinyin never links a transliterated name to a Latin one.
"""

from __future__ import annotations

import json
import pickle
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from kg.model import Extraction
from kg.resolve import aliases
from kg.resolve.entities import (
    Resolved,
    canonical_post,
    normalize_initiative,
    resolve_initiative,
    scope_slug,
)
from kg.resolve.persons import COUNTY, NATIONAL, anchor, fixed_local, is_transliterated, name_key
from kg.resolve.pinyin import place_en
from kg.resolve.slug import slugify
from kg.resolve.text import clean, has_han, key, to_simplified

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_OPEN, _CLOSE = r"[(（]", r"[)）]"
_QUOTE = r"[\"'“”‘’《》「」『』]?"
_LATIN = r"[A-Za-z][A-Za-z0-9 .,'’&-]{1,118}[A-Za-z.]"  # noqa: RUF001 - the typographic apostrophe
_HAN = r"[\u3400-\u9fff·•・][\u3400-\u9fff·•・0-9A-Za-z“”\"]{0,40}"


def release_date(x: Extraction) -> str | None:
    """The date a release speaks for: its publication date, else the first dated event."""
    for d in (x.release.published, *(e.date for e in x.events)):
        if d and _DATE.match(d):
            try:
                date.fromisoformat(d)
            except ValueError:
                continue
            return d
    return None


def locality_slug(locality: str | None) -> str | None:
    """The release's locality as a place slug: evidence for linking unanchored mentions, never minted."""
    if not locality or not clean(locality):
        return None
    s = to_simplified(clean(locality))
    s = re.sub(r"(?:省|市|区|县|自治区|\s+(?:City|Province|Municipality|District|County))$", "", s)
    if not s:
        return None
    for pl in aliases.places():
        if s in (pl.zh, pl.en):
            return slugify(pl.en)
    return slugify(place_en(s)) if has_han(s) else slugify(s)


_PAREN = re.compile(r"[(（]\s*[\"'“‘《「]?([^()（）\n]{1,120}?)[\"'”’》」]?\s*[)）]")
_BEFORE_PAREN = re.compile(r"[\"'“”‘’《》「」『』\s]+$")


def paired_forms(text: str, forms: Iterable[str]) -> list[tuple[str, str]]:
    """(form, other) for each ``form`` written right beside its other-script form in parentheses:
    "澜河生态廊道工程（Lanhe River Ecological Corridor Project）",
    "Astrid Lindqvist (阿斯特丽德·林奎斯特)". Linear in the text: one scan of its parentheses."""
    wanted = sorted({clean(f) for f in forms if f and clean(f)}, key=lambda f: (-len(f), f))
    found: dict[str, str] = {}
    if not wanted:
        return []
    for m in _PAREN.finditer(text):
        before = _BEFORE_PAREN.sub("", text[max(0, m.start() - 130):m.start()])
        inner = clean(m.group(1))
        for f in wanted:
            if f not in found and before.endswith(f) and inner and has_han(inner) != has_han(f):
                ok = re.fullmatch(_HAN, inner) if not has_han(f) else re.fullmatch(_LATIN, inner)
                if ok:
                    found[f] = inner
                break
    return sorted(found.items())


@dataclass(frozen=True)
class Mention:
    """One person as one release names them (one per distinct written name in a release)."""

    release: str
    name: str
    anchor: str | None
    level: int | None
    date: str | None
    locality: str | None
    stored: bool = False  # read from the store (an earlier ingest), not from this batch
    stored_local: str | None = None  # the IRI tail the earlier ingest gave it


@dataclass
class _Member:
    local: str
    key: str
    anchor: str
    level: int
    dates: set[str] = field(default_factory=set)
    stored: bool = False

    @property
    def first(self) -> str:
        return min(self.dates) if self.dates else "9999-99-99"


class Identity:
    """The answers of a linked batch (see the module doc)."""

    def __init__(self, persons: dict[tuple[str, str], tuple[str, str]],
                 initiative_pairs: dict[str, tuple[str, str]], person_links: dict[str, str],
                 renamed: dict[str, tuple[str, ...]] | None = None) -> None:
        self._persons = persons
        self._initiative_pairs = initiative_pairs
        self._person_links = person_links
        self._renamed = renamed or {}

    def earlier_iris(self, local: str) -> tuple[str, ...]:
        """The IRI tails earlier ingests gave this person (in releases stored with another IRI): kept
        as owl:sameAs by the releases of this ingest."""
        return self._renamed.get(local, ())

    def person(self, release_id: str, name: str) -> tuple[str, str | None]:
        """(IRI tail, the member IRI tail it stands for when that differs) of ``name`` in a release."""
        found = self._persons.get((release_id, clean(name)))
        if found is None:  # not seen by the linker: the name alone
            return _key(name, self._person_links), None
        local, member = found
        return local, (member if member != local else None)

    def english_form(self, name: str) -> str | None:
        """The Latin form a release of the batch wrote beside this transliterated name, if any."""
        return self._person_links.get(key(name))

    def initiative(self, name: str) -> Resolved:
        r = resolve_initiative(name)
        if r.known:
            return r
        pair = self._initiative_pairs.get(key(normalize_initiative(name)))
        if pair is None:
            return r
        en, zh = pair
        known = resolve_initiative(en)
        if known.known:
            alt = tuple(sorted({*known.alt, *(a for a in r.alt if a not in (known.en, known.zh))}))
            return Resolved(known.local, known.en, known.zh, alt, True, same_as=known.same_as)
        alt = tuple(sorted(a for a in {*r.alt, clean(name)} if a not in (en, zh)))
        return Resolved(slugify(en), en, zh, alt, known=True)


def _key(name: str, links: dict[str, str]) -> str:
    linked = links.get(key(name))
    return name_key(linked if linked else name)


class Linker:
    """Collects the compact records of a batch (``add``), then links them (``identity``)."""

    def __init__(self) -> None:
        self.mentions: list[Mention] = []
        self.person_pairs: list[tuple[str, str, str]] = []  # (release, written, other)
        self.initiative_pairs: list[tuple[str, str, str]] = []
        self._stored: dict[str, str] = {}  # release id -> its record, from an earlier ingest
        self._batch: set[str] = set()

    def add(self, x: Extraction) -> None:
        """Take one release of the batch."""
        self._add(x)
        self._batch.add(x.release.id)

    @staticmethod
    def record(x: Extraction, identity: Identity | None = None) -> str:
        """What the linker reads from a release, as compact JSON (kept in the store with the release,
        ``kgo:linkerRecord``), so that a later ingest links its releases with this one without
        re-reading it; with ``identity``, each name's person IRI tail as this ingest decided it.
        Byte-identical for the same extraction and identity."""
        probe = Linker()
        probe._add(x)
        rid = x.release.id

        def given(name: str) -> str | None:
            return identity.person(rid, name)[0] if identity is not None else None

        data = {
            "release": rid,
            "mentions": [[m.name, m.anchor, m.level, m.date, m.locality, given(m.name)]
                         for m in probe.mentions],
            "persons": [[zh, latin] for _, zh, latin in probe.person_pairs],
            "initiatives": [[en, zh] for _, en, zh in probe.initiative_pairs],
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def add_stored(self, record: str) -> None:
        """Take the record of a release stored by an earlier ingest (ignored when the batch itself
        holds that release: its new reading replaces the stored one)."""
        data = json.loads(record)
        self._stored[str(data["release"])] = record

    def _add_record(self, record: str) -> None:
        data = json.loads(record)
        rid = str(data["release"])
        for name, anchor_, level, when, loc, *given in data.get("mentions", []):
            self.mentions.append(Mention(rid, name, anchor_, level, when, loc, stored=True,
                                         stored_local=given[0] if given else None))
        self.person_pairs.extend((rid, zh, latin) for zh, latin in data.get("persons", []))
        self.initiative_pairs.extend((rid, en, zh) for en, zh in data.get("initiatives", []))

    def _add(self, x: Extraction) -> None:
        rid = x.release.id
        when = release_date(x)
        loc = locality_slug(x.locality)
        bodies: dict[str, list[str]] = {}
        for p in x.persons:
            n = clean(p.name)
            if n:
                bodies.setdefault(n, []).extend(
                    canonical_post(q.role, q.body, rid)[1] for q in p.posts if q.body and clean(q.role))
        for e in x.events:
            for n in (*e.presided_by, *e.attended_by):
                if clean(n):
                    bodies.setdefault(clean(n), [])
        for n, bs in bodies.items():
            a = anchor(bs, rid)
            self.mentions.append(Mention(rid, n, a[0] if a else None, a[1] if a else None, when, loc))
        text = x.release.text or ""
        foreign = [n for n in bodies if is_transliterated(n) or not has_han(n)]
        for f, o in paired_forms(text, foreign):
            zh, latin = (f, o) if has_han(f) else (o, f)
            if is_transliterated(zh) and not has_han(latin):
                self.person_pairs.append((rid, zh, latin))
        names = {clean(i.name) for i in x.initiatives} | {clean(n) for e in x.events for n in e.initiatives}
        for f, o in paired_forms(text, names):
            en, zh = (o, f) if has_han(f) else (f, o)
            self.initiative_pairs.append((rid, normalize_initiative(en), normalize_initiative(zh)))

    def identity(self) -> Identity:
        for rid, record in sorted(self._stored.items()):
            if rid not in self._batch:
                self._add_record(record)
        self._stored.clear()
        links: dict[str, str] = {}
        for _, zh, latin in sorted(self.person_pairs):
            links.setdefault(key(zh), latin)
        ini: dict[str, tuple[str, str]] = {}
        for _, en, zh in sorted(self.initiative_pairs):
            if en and zh and key(en) not in ini and key(zh) not in ini:
                ini[key(en)] = ini[key(zh)] = (en, zh)
        persons = _link_persons(self.mentions, links)
        renamed: dict[str, set[str]] = defaultdict(set)  # IRI tail now -> tails earlier ingests gave
        for m in self.mentions:
            now = persons.get((m.release, m.name))
            if m.stored and m.stored_local and now is not None and now[0] != m.stored_local:
                renamed[now[0]].add(m.stored_local)
        return Identity(persons, ini, links, {k: tuple(sorted(v)) for k, v in renamed.items()})


def link(extractions: Iterable[Extraction]) -> Identity:
    """The identity of a batch held in memory."""
    linker = Linker()
    for x in extractions:
        linker.add(x)
    return linker.identity()


def link_stream(extractions: Iterable[Extraction]) -> tuple[Identity, Iterator[Extraction]]:
    """Link a stream of any length: the extractions are spooled to a temporary file (not kept in
    memory) and given back, in order, after the linker has seen them all."""
    linker = Linker()
    spool = tempfile.TemporaryFile()
    n = 0
    for x in extractions:
        linker.add(x)
        pickle.dump(x, spool, protocol=pickle.HIGHEST_PROTOCOL)
        n += 1

    def replay() -> Iterator[Extraction]:
        with spool:
            spool.seek(0)
            for _ in range(n):
                yield pickle.load(spool)  # noqa: S301 - our own spool file, written just above

    return linker.identity(), replay()


# -- the person rule -------------------------------------------------------------------------------

def _province_of() -> dict[str, str]:
    return {slugify(pl.en): slugify(pl.province) for pl in aliases.places()}


def _nested(a: _Member | str, b: _Member | str, level_a: int, level_b: int, prov: dict[str, str]) -> bool:
    pa, pb = (a.anchor if isinstance(a, _Member) else a), (b.anchor if isinstance(b, _Member) else b)
    if pa == pb:
        return True
    if "china" in (pa, pb):
        return (level_b if pa == "china" else level_a) < NATIONAL
    return prov.get(pa) == pb or prov.get(pb) == pa


def _follows(a: _Member, b: _Member) -> bool:
    """One career can hold both: every dated mention of one precedes every one of the other, and the
    later is no county post after a city or higher one (a step down across places is a homonym)."""
    if not a.dates or not b.dates:
        return False
    if max(b.dates) < min(a.dates):
        a, b = b, a
    elif not max(a.dates) < min(b.dates):
        return False
    return not (b.level == COUNTY and a.level > COUNTY)


def _link_persons(mentions: list[Mention], links: dict[str, str]) -> dict[tuple[str, str], tuple[str, str]]:
    prov = _province_of()
    out: dict[tuple[str, str], tuple[str, str]] = {}
    members: dict[str, _Member] = {}
    unanchored: list[tuple[Mention, str]] = []
    for m in mentions:
        k = _key(m.name, links)
        fixed = fixed_local(links.get(key(m.name), m.name))
        if fixed:
            out[(m.release, m.name)] = (fixed, fixed)
        elif m.anchor is None or m.level is None:
            unanchored.append((m, k))
        else:
            local = f"{k}--{m.anchor}"
            mem = members.setdefault(local, _Member(local, k, m.anchor, m.level))
            mem.level = min(mem.level, m.level)
            mem.stored = mem.stored or m.stored
            if m.date:
                mem.dates.add(m.date)
    by_key: dict[str, list[_Member]] = defaultdict(list)
    for mem in members.values():
        by_key[mem.key].append(mem)
    canonical: dict[str, str] = {}
    clusters_of: dict[str, list[list[_Member]]] = {}
    for k, mems in by_key.items():
        clusters: list[list[_Member]] = []
        for mem in sorted(mems, key=lambda x: (x.first, x.level, x.local)):
            fits = [c for c in clusters
                    if all(_nested(o, mem, o.level, mem.level, prov) or _follows(o, mem) for o in c)]
            if len(fits) == 1:
                fits[0].append(mem)
            else:
                clusters.append([mem])
        for c in clusters:
            # an IRI already in the store stays the person's IRI (the earliest stored member's),
            # so that a later ingest never splits what an earlier one wrote
            head = next((mem for mem in c if mem.stored), c[0])
            c.sort(key=lambda mem: mem is not head)  # the head first (stable otherwise)
            for mem in c:
                canonical[mem.local] = head.local
        clusters_of[k] = clusters
    for m in mentions:
        if (m.release, m.name) in out or m.anchor is None or m.level is None:
            continue
        local = f"{_key(m.name, links)}--{m.anchor}"
        out[(m.release, m.name)] = (canonical[local], local)
    for m, k in unanchored:
        out[(m.release, m.name)] = (_place_unanchored(m, k, clusters_of.get(k, []), prov), "")
    return {pair: (loc, mem or loc) for pair, (loc, mem) in out.items()}


def _place_unanchored(m: Mention, k: str, clusters: list[list[_Member]], prov: dict[str, str]) -> str:
    if not clusters:
        return k
    cands = clusters
    if m.locality:
        known = set(prov) | set(prov.values()) | {"china"}

        def fits(c: list[_Member]) -> bool:
            if any(_nested(o, m.locality or "", o.level, 0, prov) for o in c):
                return True
            # a place the gazetteer does not know may lie anywhere: no evidence against
            return m.locality not in known or any(o.anchor not in known for o in c)

        cands = [c for c in clusters if fits(c)]
    if len(cands) > 1 and m.date:
        during = [c for c in cands
                  if min((d for o in c for d in o.dates), default="") <= m.date
                  <= max((d for o in c for d in o.dates), default="")]
        cands = during or cands
    if len(cands) == 1:
        return cands[0][0].local
    if not cands:
        return k
    return f"{k}--in-{scope_slug(m.release)}"
