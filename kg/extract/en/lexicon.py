"""Language knowledge for the English parser, read from the data files under kg/data/en/.

Every list is a plain text or TSV file, one entry a line, ``#`` starts a comment. This module only
loads them (through ``kg.knowledge``: the analyst's ``KG_DATA_PATH`` folders overlay every table, one
lexicon per ``KG_DATA_PATH`` value) into sets and dicts; the rules that use them live in the other modules.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg import knowledge
from kg.knowledge import Line, RelationCue, lines


def _lines(name: str) -> list[str]:
    """The entries of ``kg/data/en/NAME`` (the analyst's rows first), through the one loader."""
    return [row.text for row in knowledge.lines(f"en/{name}")]


def _set(name: str, lower: bool = True) -> frozenset[str]:
    return frozenset(x.strip().lower() if lower else x.strip() for x in _lines(name))


def _tsv(name: str) -> list[list[str]]:
    return [[c.strip() for c in line.split("\t")] for line in _lines(name)]


@dataclass(frozen=True)
class Role:
    surface: str
    canonical: str
    default_body: str
    plural: bool


@dataclass(frozen=True)
class Lexicon:
    syllables: frozenset[str]
    surnames: frozenset[str]
    not_names: frozenset[str]
    roles: dict[str, Role]
    role_words: frozenset[str]  # every word that occurs in a role surface form
    role_heads: frozenset[str]  # the last word of each role surface form, plus "deputy"/"vice"
    nationalities: dict[str, str]
    body_heads: frozenset[str]
    generic_bodies: frozenset[str]
    place_heads: frozenset[str]
    levels: dict[str, str]
    initiative_cues: frozenset[str]
    relation_cues: tuple[RelationCue, ...]
    not_name_words: frozenset[str]
    english_words: frozenset[str]
    keep_acronyms: frozenset[str]
    country_roles: dict[tuple[str, str], str]
    party_organs: frozenset[str]
    complement_heads: frozenset[str]
    event_nouns: frozenset[str]
    known_initiatives: list[tuple[str, str]]
    document_cues: frozenset[str]
    not_initiative_markers: tuple[str, ...]
    body_aliases: dict[str, str]
    body_wrappers: dict[str, str]
    adoption_verbs: frozenset[str]
    document_nouns: frozenset[str]
    name_particles: frozenset[str]
    translation_variants: dict[str, str]
    located_heads: frozenset[str]
    leading_verbs: dict[str, str]
    role_lines: dict[str, Line]  # role surface (lowercase) -> its row of roles.tsv, for the trace
    body_head_lines: dict[str, Line]  # body head word -> its row of body_heads.txt


@knowledge.keyed  # one lexicon per KG_DATA_PATH value
def lexicon() -> Lexicon:
    roles: dict[str, Role] = {}
    for row in _tsv("roles.tsv"):
        surface, canonical = row[0].lower(), row[1]
        default = row[2] if len(row) > 2 else ""
        last = surface.split()[-1]
        plural = last.endswith(("s", "men")) and last not in {"affairs", "ms"} and not last.endswith("ss")
        roles[surface] = Role(surface, canonical, default, plural)
    role_words = frozenset(w for s in roles for w in s.split())
    return Lexicon(
        syllables=_set("pinyin_syllables.txt"),
        surnames=_set("surnames.txt"),
        not_names=_set("not_names.txt"),
        roles=roles,
        role_words=role_words,
        role_heads=frozenset({s.split()[-1] for s in roles} | {"deputy", "vice"}),
        nationalities={r[0].lower(): r[1] for r in _tsv("nationalities.tsv")},
        body_heads=_set("body_heads.txt", lower=False),
        generic_bodies=_set("generic_bodies.txt"),
        place_heads=_set("place_heads.txt"),
        levels={r[0].lower(): r[1] for r in _tsv("levels.tsv")},
        initiative_cues=_set("initiative_cues.txt", lower=False),
        relation_cues=_relation_cues(),
        not_name_words=_set("not_name_words.txt"),
        english_words=_set("english_pinyin_words.txt"),
        keep_acronyms=_set("keep_acronyms.txt", lower=False),
        country_roles={(r[0], r[1]): r[2] for r in _tsv("country_roles.tsv")},
        party_organs=_set("party_organs.txt"),
        complement_heads=_set("complement_heads.txt", lower=False),
        event_nouns=_set("event_nouns.txt"),
        known_initiatives=[(r[0], r[1]) for r in _tsv("known_initiatives.tsv")],
        document_cues=_set("document_cues.txt", lower=False),
        not_initiative_markers=tuple(x.strip() for x in _lines("not_initiative_markers.txt")),
        body_aliases={r[0].lower(): r[1] for r in _tsv("body_aliases.tsv")},
        body_wrappers={r[0]: r[1] for r in _tsv("body_wrappers.tsv")},
        adoption_verbs=_set("adoption_verbs.txt"),
        document_nouns=_set("document_nouns.txt"),
        name_particles=_set("name_particles.txt", lower=False),
        translation_variants={r[0].lower(): r[1] for r in _tsv("translation_variants.tsv")},
        located_heads=_set("located_heads.txt", lower=False),
        leading_verbs={r[0].lower(): r[1] for r in _tsv("leading_verbs.tsv")},
        role_lines=_first_cell_lines("en/roles.tsv", lower=True),
        body_head_lines=_first_cell_lines("en/body_heads.txt", lower=False),
    )


def _first_cell_lines(name: str, lower: bool) -> dict[str, Line]:
    out: dict[str, Line] = {}
    for row in lines(name):
        key = row.cells[0].lower() if lower else row.cells[0]
        out.setdefault(key, row)
    return out


def _relation_cues() -> tuple[RelationCue, ...]:
    """The rows of relation_cues.tsv (kg.knowledge checks each row's relation and voice; overlays of
    ``KG_DATA_PATH`` come first, and a cue's first row wins), the cue lowercased."""
    out: dict[str, RelationCue] = {}
    for c in knowledge.relation_cues("en"):
        cue = " ".join(c.cue.lower().split())
        if cue:
            out.setdefault(cue, RelationCue(cue, c.relation, c.voice, c.line))
    return tuple(out.values())
