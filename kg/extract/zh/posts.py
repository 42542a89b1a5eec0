"""Title items -> Posts: the role as written and its body, qualified with the release's locality
where the text leaves it implicit (市长 -> 包头市人民政府; 市委书记 -> 包头市委)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.zh.bodies import qualify_local
from kg.extract.zh.lexicon import Lexicon
from kg.extract.zh.locality import Locality
from kg.extract.zh.script import View, to_traditional
from kg.extract.zh.titles import TitleItem, is_country
from kg.model import Post

_MISSION = re.compile(r"^(?:中国)?驻[\u4e00-\u9fff]{1,8}$")
_MISSION_OF = {"大使": "大使馆", "总领事": "总领事馆", "领事": "领事馆"}
_MISSIONS = ("大使馆", "领事馆", "使馆")  # a prefix already naming the mission (…总领事馆总领事)
_HOME = ("中国", "中华人民共和国", "中方")
_PARTY_ROLES = ("书记", "副书记", "常委", "第一书记")
_CENTRAL = "中共中央"
_ENTERPRISES = ("公司", "集团", "银行", "大学", "学院", "医院")
_STATE = "中华人民共和国"
_SESSION_WORDS = ("大会", "主席团", "大会主席团")


@dataclass
class ResolvedPost:
    post: Post
    key: str  # simplified body identity
    explicit: bool  # the body is written in the text (so it is also a body of the release)
    body_span: tuple[int, int] | None = None  # view offsets of the written body
    state: bool = False  # 国家主席: the state itself is named as the body


def _place_level(p: str, role: str, implied: str, lex: Lexicon) -> tuple[str, str]:
    """(place with its level suffix, level) for a bare place prefix such as 株洲 / 成都市 / 山东省."""
    if p.endswith("自治区"):
        return p, "省"
    if implied.startswith("gov:") and p.endswith(implied[4:]):  # 某某自治州 (州长)
        return p, implied[4:]
    if p[-1] in "省市县区":
        return p, p[-1]
    for prov in lex.provinces:
        if p == prov.short:
            return prov.full, "省"
        if p in prov.cities:
            return p + "市", "市"
    if implied.startswith("gov:"):
        lv = implied[4:]
        return p + lv, lv
    return p, ""


def _suffixes(lex: Lexicon, place: str) -> list[str]:
    """The place suffixes of place_roles.tsv that ``place`` ends with (自治区)."""
    return [sfx for sfx, _ in lex.place_roles if place.endswith(sfx)]


def _foreign(key: str, lex: Lexicon) -> bool:
    return key in lex.countries and lex.countries[key][0] not in _HOME


def _committee_place(key: str, level: str) -> str | None:
    """某某自治州 for 某某自治州党委 (level 州), 青禾市 for 青禾市委 (level 市); None otherwise."""
    for word in ("党委", "委"):
        if key.endswith(word):
            place = key[: -len(word)]
            if len(place) > len(level) and place.endswith(level):
                return place
    return None


def resolve(v: View, item: TitleItem, prev: ResolvedPost | None, loc: Locality,
            lex: Lexicon, listed: bool = False) -> ResolvedPost | None:
    """The post of a title item; ``prev`` is the post before it in the chain or list, ``listed`` says
    the item's mention continues a list of persons (甲、乙) rather than a new clause."""
    s = v.s
    role_s = s[item.r0:item.r1]
    if item.body is not None:  # 经济商务公使: look the role up without its modifier
        role_s = lex.ending("roles", s, item.r1) or role_s
    role_w = v.text(item.r0, item.r1)
    implied = lex.roles.get(role_s, "-")
    b0, b1 = item.body or (item.p0, item.r0)
    if b1 - b0 > 2 and s.startswith("时任", b1 - 2):  # 某国时任总理: the body is the country
        b1 -= 2
    prefix_s = s[b0:b1]
    prefix_w = v.text(b0, b1)
    span = v.span(item.p0, item.r1)

    def out(body: str, key: str, explicit: bool) -> ResolvedPost:
        post = Post(role=role_w, body=body, body_text=prefix_w or None, span=span)
        return ResolvedPost(post, key, explicit, (b0, b1) if explicit else None)

    if prefix_s in _SESSION_WORDS and loc.session is not None:
        # 主席团常务主席, 大会秘书长: the presidium / the session the release reports
        key_s, written = loc.session
        word = "主席团" if prefix_s.endswith("主席团") else ""
        body = written + (to_traditional(word) if loc.trad else word)
        return ResolvedPost(Post(role=role_w, body=body, body_text=prefix_w, span=span), key_s + word, False)
    if prefix_s in lex.party_organs and prev is not None and prev.key.endswith("委"):
        # 市委常委、宣传部部长: the organ of the committee named just before
        return out((prev.post.body or "") + prefix_w, prev.key + prefix_s, True)
    if prefix_s in lex.attached_organs and prev is not None and prev.post.body:
        # 市政协副主席、党组副书记: the party group of the body named just before
        return out((prev.post.body or "") + prefix_w, prev.key + prefix_s, True)
    if listed and not prefix_s and prev is not None and _foreign(prev.key, lex) and implied != "state":
        # 某国总统甲、总理乙: the later titles of a foreign list are of the same country
        post = Post(role=role_w, body=prev.post.body, body_text=None, span=span)
        return ResolvedPost(post, prev.key, False)
    if not prefix_s and prev is not None and implied.startswith("gov:") \
            and (place := _committee_place(prev.key, implied[4:])):
        # 某州党委副书记、州长: the government of the place whose committee was just named
        place_w = (prev.post.body or "")[: len(place)]
        return ResolvedPost(Post(role=role_w, body=place_w + "人民政府",
                                 body_text=None, span=span), place + "人民政府", False)
    if prefix_s and _MISSION.match(prefix_s):
        # (中国)驻日本大使 -> 中国驻日本大使馆; 厄瓜多尔驻华大使 stays with its country (below)
        suffix = "" if prefix_s.endswith(_MISSIONS) else _MISSION_OF.get(role_s.removeprefix("副"), "")
        body_w = prefix_w + (to_traditional(suffix) if loc.trad else suffix)
        return out(body_w, prefix_s + suffix, True)
    country = next((prefix_s[:k] for k in range(len(prefix_s) - 1, 1, -1)
                    if prefix_s[:k] in lex.countries and prefix_s[:k] not in _HOME), None)
    if country and prefix_s[len(country):].startswith("驻") and len(prefix_s) > len(country) + 2:
        # 新加坡驻广州总领事 -> 新加坡驻广州总领事馆: the foreign mission
        named = prefix_s.endswith(_MISSIONS)  # 法国驻上海总领事馆总领事: the mission is already named
        suffix = "" if named else _MISSION_OF.get(role_s.removeprefix("副"), "")
        if suffix or named:
            return out(prefix_w + (to_traditional(suffix) if loc.trad else suffix), prefix_s + suffix, True)
    if country and not is_country(prefix_s, lex) and not any(prefix_s.endswith(h) for h in lex.body_heads):
        # 瑞典马恩霍尔姆市市长: a foreign city, no 人民政府 / 委 added
        return out(v.text(item.p0 + len(country), item.r0), prefix_s[len(country):], True)
    if prefix_s:
        if is_country(prefix_s, lex):
            return out(prefix_w, lex.countries[prefix_s][0], True)
        heads = any(prefix_s.endswith(h) for h in lex.body_heads)
        if not heads:
            place, lv = _place_level(prefix_s, role_s, implied, lex)
            place_w = to_traditional(place) if loc.trad else place
            head = next((lex.place_roles[sfx, role_s] for sfx in _suffixes(lex, place)
                         if (sfx, role_s) in lex.place_roles), None)
            if head is not None:  # 自治区主席 -> 北原自治区人民政府
                q = loc.qualify(lv) if place in {sfx for sfx, _ in lex.place_roles} else None
                if q and q.endswith(place):
                    place, place_w = q, to_traditional(q) if loc.trad else q
                word = to_traditional(head) if loc.trad else head
                return ResolvedPost(Post(role=role_w, body=place_w + word, body_text=prefix_w or None,
                                         span=span), place + head, False)
            if implied.startswith("gov:"):
                return out(place_w + "人民政府", place + "人民政府", False)
            if role_s in _PARTY_ROLES and lv:
                word = "党委" if place.endswith("自治区") else "委"
                return out(place_w + word, place + word, False)
            return out(place_w, place, True)
        if prefix_s[0] in "省市县区" or prefix_s.startswith("自治区"):
            name, key = qualify_local(prefix_s, prefix_w, loc)
            return out(name, key, True)
        key = prefix_s[2:] if prefix_s.startswith("中共") and prefix_s[2:3] not in "中" else prefix_s
        return out(prefix_w, key, True)
    if implied.startswith("gov:"):
        lv = implied[4:]
        name, key = qualify_local(lv + "政府", lv + "政府", loc)
        if key == lv + "政府":
            name = to_traditional(lv + "政府") if loc.trad else lv + "政府"
        return ResolvedPost(Post(role=role_w, body=name, body_text=None, span=span), key, False)
    if implied.startswith("body:"):
        name = implied[5:]
        return ResolvedPost(Post(role=role_w, body=to_traditional(name) if loc.trad else name, span=span),
                            name, False)
    if implied == "central":
        return ResolvedPost(Post(role=role_w, body=_CENTRAL, span=span), _CENTRAL, False)
    if implied == "state":
        return ResolvedPost(Post(role=role_w, body=to_traditional(_STATE) if loc.trad else _STATE, span=span),
                            _STATE, False, state=True)
    if prev is not None and implied != "foreign":
        body = prev.post.body or ""
        key = prev.key
        if key.endswith("党组") or (key.endswith("党委") and key[:-2].endswith(_ENTERPRISES)):
            key, body = key[:-2], body[:-2]  # 党委书记、董事长: the chair is of the company itself
        return ResolvedPost(Post(role=role_w, body=body, body_text=None, span=span), key, False)
    return None
