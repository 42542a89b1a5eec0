"""Where a person's name ends: Chinese names (surname list + 1-2 characters) and transcribed foreign
names, read at a position of the simplified text up to a boundary word."""

from __future__ import annotations

import re

from kg.extract.zh.lexicon import Lexicon

PUNCT = set("，,。.；;：:、！!？?“”\"'‘’《》()（）【】[]<>〈〉「」『』 \n\t-—/|")
_CJK = re.compile(r"[\u3400-\u9fff]")
# characters that never occur in the names this parser reads (they make bodies, titles, places)
_NOT_IN_NAME = set("委府协办厅省市县区党领导会议部局署镇乡村的")
STRONG, WEAK = 2, 1
_NOT_LAST = set("等和及与在同并均")
# surnames that are also words closing a clause after a title (市长时表示 "when the mayor ... said")
_CLAUSE_SURNAMES = set("时")


def _long(w: str | None) -> bool:
    return w is not None and len(w) > 1


def _boundary(s: str, j: int, lex: Lexicon) -> int:
    """How clearly s[j:] starts after a name: STRONG (punctuation, digits, a word), WEAK (one
    function character such as 在/等/和), or 0."""
    if j >= len(s) or s[j] in PUNCT or s[j].isdigit():
        return STRONG
    b = lex.starting("boundaries", s, j)
    if b:
        return STRONG if len(b) > 1 else WEAK
    return 0


def ok_chars(name: str) -> bool:
    return all(_CJK.match(c) for c in name) and not (set(name) & _NOT_IN_NAME)


_NOT_NAME_MAX = 4  # the longest entry of not_names.txt a name can start with (names are 2-4 long)


def _not_a_name(s: str, i: int, end: int, lex: Lexicon) -> bool:
    """A word, not a name: 书记强调, 常委马上...; a place: 市长黄山..."""
    if any(s[i:i + n] in lex.not_names for n in range(1, min(end - i, _NOT_NAME_MAX) + 1)):
        return True
    after = lex.starting("verbs", s, i + 1) or lex.starting("boundaries", s, i + 1)
    if s[i] in _CLAUSE_SURNAMES and _long(after):
        return True  # 会见市长时表示: 时 ends the clause, the verb follows
    w = lex.starting("verbs", s, i) or lex.starting("boundaries", s, i)
    return bool(w and len(w) > 1) or s[i:end] in lex.place_names


def read_cn_name(s: str, i: int, lex: Lexicon) -> int | None:
    """End of a Chinese name starting at s[i], or None.  Among lengths with a clear boundary after
    them, the shortest wins; a one-character boundary is used only when nothing clearer fits."""
    k = lex.is_surname_start(s[i:i + 2])
    if not k:
        return None
    best_weak = None
    for n in (1, 2):
        end = i + k + n
        if end > len(s) or not ok_chars(s[i:end]) or _not_a_name(s, i, end, lex):
            continue
        b = _boundary(s, end, lex)
        if n == 2 and s[end - 1] in _NOT_LAST and _boundary(s, end - 1, lex):
            continue  # 曾某等参加: the name stops before 等
        if b == STRONG:
            return end
        if b == WEAK and best_weak is None:
            best_weak = end
    return best_weak


def read_foreign_name(s: str, i: int, lex: Lexicon) -> int | None:
    """End of a transcribed name (唐纳德·特朗普): CJK letters and ·, 2-12 long, up to a boundary."""
    j = i
    while j < len(s) and j - i < 12 and (_CJK.match(s[j]) or s[j] in "·•"):
        if j - i >= 2 and _boundary(s, j, lex):
            return j
        j += 1
    if j - i >= 2 and _boundary(s, j, lex):
        return j
    return None


_LIST_STOPS = ("等", "和", "及", "与")
_LIST_NAME_MAX = 5  # Tibetan, Mongolian and other names without a dot: 扎西次仁, 巴特尔, 乌云其其格
_DOTTED_MAX = 16  # 阿不都热合曼·买买提


def read_list_name(s: str, i: int, lex: Lexicon) -> int | None:
    """End of a name inside a list already known to name persons (甲、乙、扎西次仁、阿依·买买提出席):
    the run of characters up to the list's next delimiter or closing word, read as a name when it
    looks like one (2-4 characters, or a transcription with ·) even without a known surname.
    None when the run holds a title, a body or place word, or is a known word."""
    j = i
    while j < len(s) and j - i <= _DOTTED_MAX and (_CJK.match(s[j]) or s[j] in "·•"):
        if j - i >= 2 and (s.startswith(_LIST_STOPS, j) or _long(lex.starting("boundaries", s, j))
                           or _long(lex.starting("verbs", s, j))):
            break
        j += 1
    if j - i > _DOTTED_MAX or (j < len(s) and _CJK.match(s[j]) and not (
            s.startswith(_LIST_STOPS, j) or lex.starting("boundaries", s, j) or lex.starting("verbs", s, j))):
        return None
    name = s[i:j]
    if "·" in name or "•" in name:
        parts = re.split(r"[·•]", name)
        if len(name) < 3 or any(not p for p in parts):
            return None
    elif not 2 <= len(name) <= _LIST_NAME_MAX:
        return None
    plain = name.replace("·", "").replace("•", "")
    if not ok_chars(plain) or plain in lex.place_names or plain in lex.countries \
            or any(plain.startswith(w) for w in lex.not_names) \
            or any(lex.starting("roles", plain, k) for k in range(len(plain))) \
            or any(lex.starting("descriptors", plain, k) for k in range(len(plain))) \
            or (len(plain) == _LIST_NAME_MAX and any(plain.endswith(h) for h in lex.body_heads)):
        return None
    return j
