"""A synthetic corpus of press releases in the genre, every name and place invented.

Writes ``N`` text releases (English and Chinese, about half each) that the real parsers read: page
furniture (title, date, source), appositive title chains ("Lin Haoran, Secretary of the CPC Qinglan
Municipal Committee, presided over ..." / "市委书记林浩然主持召开 ..."), attendance lists, meetings
convened by a body, initiatives endorsed, meetings with foreign guests. The world behind them:

- invented provinces and cities (two invented characters each; pinyin distinct), with a places table
  so that the resolver knows which city lies in which province (as an analyst would add one);
- officials holding dated posts (party secretary, mayor, vice mayor, provincial seats), moved between
  cities and provinces over the years (transfers, promotions), so careers span releases;
- planted homonyms: some officials share their name with another official in another province;
- the same meeting reported now and then in both languages (two releases, one event);
- city initiatives, half of them listed in an initiatives table with both forms.

The corpus is deterministic for a given ``(n, seed)``: the same files, byte for byte.

    .venv/bin/python benchmarks/synthetic.py 1000 /tmp/syn1k [--seed 7]
    KG_DATA_PATH=/tmp/syn1k/data .venv/bin/kg ingest /tmp/syn1k/releases --store /tmp/syn1k/store

Layout of the output folder: ``releases/NNN/*.txt`` (1000 files a folder), ``data/aliases/places.tsv``
and ``data/aliases/initiatives.tsv`` (to put on ``KG_DATA_PATH``), ``truth.jsonl`` (per release: the
official ids behind each written name, for identity checks).

From Python, ``Corpus(n, seed).texts()`` yields ``(file stem, text)`` without writing anything:

>>> c = Corpus(20, seed=3)
>>> stems = [stem for stem, _ in c.texts()]
>>> len(stems), len(set(stems))
(20, 20)
>>> [stem for stem, _ in Corpus(20, seed=3).texts()] == stems
True
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.resolve.pinyin import person_name_en, place_en  # noqa: E402

PLACE_CHARS = "青澜白松金云红东梨水枫天星南玉草禾牧石竹泉岭湖溪岩泰阳坪桥木陇河源台林川鹤芦苍峪柏翠"
SURNAMES = "林周宋郭韩陶白罗冯许何高杜秦姚沈乔温阎方陆孔蒋曹彭邱夏钟田任谭廖"
GIVEN = "浩然文博雅兰佩明杰瑞雪成志远晓青建国惠民立峰雨婷凯淑华振宇秋月东升丽娜国强守义海涛春生"
FOREIGN = [("Astrid Lindqvist", "阿斯特丽德·林奎斯特", "Norwegian", "Fjordvik"),
           ("Henrik Aasland", "亨里克·奥斯兰", "Danish", "Holmstrup"),
           ("Elena Marchetti", "埃琳娜·马尔凯蒂", "Italian", "Valdoria"),
           ("Marta Kowalska", "玛尔塔·科瓦尔斯卡", "Polish", "Brzozowo"),
           ("Ines Duarte", "伊内丝·杜阿尔特", "Portuguese", "Vila Serena")]
# (role en, role zh, body kind)
CITY_POSTS = [("Secretary", "书记", "party"), ("Deputy Secretary", "副书记", "party"),
              ("Mayor", "市长", "govt"), ("Vice Mayor", "副市长", "govt"),
              ("Vice Mayor", "副市长", "govt"), ("Director", "主任", "fao")]
PROV_POSTS = [("Secretary", "书记", "pparty"), ("Governor", "省长", "pgovt"),
              ("Vice Governor", "副省长", "pgovt")]
INITIATIVE_WORDS = [("Ecological Corridor Project", "生态廊道工程"),
                    ("Talent Gathering Plan", "英才汇聚计划"),
                    ("Port Opening-up Program", "港口开放计划"), ("Clear Water Action", "清水行动"),
                    ("Rural Revitalization Pilot", "乡村振兴试点"),
                    ("Digital Government Plan", "数字政府计划")]
NATIONAL = [("Belt and Road Initiative", "“一带一路”倡议"), ("14th Five-Year Plan", "“十四五”规划")]
TOPICS_EN = ["the work of stabilizing foreign trade", "the protection of the river basin",
             "the preparations for the spring sowing", "the safety of production in the mining sector",
             "the construction of the new rail freight hub", "the reform of state-owned enterprises",
             "the work of attracting investment in the first quarter", "the flood-control season"]
TOPICS_ZH = ["稳外贸工作", "流域保护工作", "春耕备耕工作", "矿山安全生产工作", "铁路货运枢纽建设",
             "国有企业改革", "一季度招商引资工作", "防汛工作"]
ORD_ZH = "一二三四五六七八九十"
Guest = tuple[str, str, str, str]  # en name, zh name, nationality, home city
DAYS = 6 * 365  # 2020-01-01 .. 2025-12-30
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def day(n: int) -> datetime.date:
    return datetime.date(2020, 1, 1) + datetime.timedelta(days=n)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def zh_number(n: int) -> str:
    if n <= 10:
        return ORD_ZH[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else ORD_ZH[tens - 1]) + "十" + (ORD_ZH[ones - 1] if ones else "")


@dataclass
class Place:
    zh: str
    en: str
    province: Place | None = None  # None: a province

    @property
    def key(self) -> str:
        return self.en.lower()


@dataclass
class Stint:
    place: Place
    post: tuple[str, str, str]
    start: int
    end: int


@dataclass
class Official:
    pid: str
    zh: str
    stints: list[Stint] = field(default_factory=list)

    @property
    def en(self) -> str:
        return person_name_en(self.zh) or self.zh

    def at(self, d: int) -> Stint | None:
        return next((s for s in self.stints if s.start <= d <= s.end), None)


def body_name(kind: str, place: Place, lang: str) -> str:
    p = place
    en, zh = {
        "party": (f"CPC {p.en} Municipal Committee", f"中共{p.zh}市委"),
        "govt": (f"{p.en} Municipal People's Government", f"{p.zh}市人民政府"),
        "fao": (f"{p.en} Municipal Foreign Affairs Office", f"{p.zh}市外事办公室"),
        "pparty": (f"CPC {p.en} Provincial Committee", f"中共{p.zh}省委"),
        "pgovt": (f"{p.en} Provincial People's Government", f"{p.zh}省人民政府"),
    }[kind]
    return en if lang == "en" else zh


class Corpus:
    """The invented world and its ``n`` releases (deterministic for ``seed``)."""

    def __init__(self, n: int, seed: int = 7) -> None:
        self.n = n
        self.seed = seed
        self.rng = random.Random(seed)
        self._places()
        self._officials()
        self._initiatives()

    # -- the world ----------------------------------------------------------------------------
    def _places(self) -> None:
        rng = self.rng
        used: set[str] = set()

        def name() -> str:
            while True:
                zh = "".join(rng.sample(PLACE_CHARS, 2))
                en = place_en(zh)
                if en and en not in used:
                    used.add(en)
                    return zh

        n_prov = max(3, min(60, self.n // 600))
        self.provinces = [Place(z, place_en(z)) for z in (name() for _ in range(n_prov))]
        self.cities = [Place(z, place_en(z), self.provinces[i % n_prov])
                       for i, z in enumerate(name() for _ in range(n_prov * 7))]

    def _officials(self) -> None:
        rng = self.rng
        n_off = max(60, self.n // 5)
        names: dict[str, str] = {}
        while len(names) < n_off:
            zh = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2))
            names.setdefault(person_name_en(zh) or zh, zh)
        pool = sorted(names.values())
        rng.shuffle(pool)
        self.people: list[Official] = []
        for i, zh in enumerate(pool):
            o = Official(f"p{i}", zh)
            start = rng.randrange(-400, DAYS - 200)
            city = rng.choice(self.cities)
            for _ in range(rng.choice((1, 2, 2, 3))):
                end = start + rng.randrange(300, 900)
                if o.stints and rng.random() < 0.15:  # promoted to the province's leadership
                    o.stints.append(Stint(city.province or city, rng.choice(PROV_POSTS), start, end))
                else:
                    o.stints.append(Stint(city, rng.choice(CITY_POSTS), start, end))
                start = end + rng.randrange(1, 60)
                same = [c for c in self.cities if c.province is city.province and c is not city]
                city = rng.choice(self.cities if rng.random() < 0.3 or not same else same)  # transfer
            self.people.append(o)
        # planted homonyms: one official in ten has a namesake in another province at the same time
        for o in rng.sample(self.people, len(self.people) // 10):
            s0 = o.stints[0]
            home = s0.place.province or s0.place
            other = rng.choice([c for c in self.cities if c.province is not home])
            self.people.append(Official(f"h{o.pid}", o.zh, [Stint(other, rng.choice(CITY_POSTS),
                                                                   s0.start - 100, s0.end + 300)]))
        self.at_place: dict[str, list[Official]] = defaultdict(list)
        for o in self.people:
            for s in o.stints:
                if o not in self.at_place[s.place.zh]:
                    self.at_place[s.place.zh].append(o)

    def _initiatives(self) -> None:
        rng = self.rng
        self.inits: dict[str, list[tuple[str, str]]] = {}
        for c in self.cities:
            self.inits[c.zh] = [(f"{c.en} {en}", f"{c.zh}{zh}") for en, zh in rng.sample(INITIATIVE_WORDS, 2)]
        self.init_rows = [i for c in self.cities for i in self.inits[c.zh] if rng.random() < 0.5]

    # -- the releases -------------------------------------------------------------------------
    def texts(self) -> Iterator[tuple[str, str]]:
        """(file stem, text) of every release, in order."""
        for stem, text, _ in self.releases():
            yield stem, text

    def releases(self) -> Iterator[tuple[str, str, dict[str, str]]]:
        """(file stem, text, {written name: official id}) of every release."""
        rng = random.Random(self.seed * 1_000_003 + self.n)
        i = 0
        while i < self.n:
            d = rng.randrange(DAYS)
            provincial = rng.random() < 0.12
            city = rng.choice(self.cities)
            place = (city.province or city) if provincial else city
            holders = self._holders(place, d)
            if not holders:
                continue
            kind = rng.choices(("party", "govt", "guest"), (5, 3, 1))[0]
            seq = rng.randrange(1, 40)
            both = rng.random() < 0.15 and i + 1 < self.n  # the same meeting in both languages
            langs = ["en", "zh"] if both else [rng.choice(("en", "zh"))]
            picked = self._pick(rng, holders, kind)
            inits = [x for x in self.inits.get(city.zh, []) if rng.random() < 0.4]
            national = [x for x in NATIONAL if rng.random() < 0.2]
            guest = rng.choice(FOREIGN) if kind == "guest" else None
            topic = rng.randrange(len(TOPICS_EN))
            pub = d + rng.choice((0, 1, 1, 2))
            for lang in langs:
                if i >= self.n:
                    break
                stem = f"{lang}-{place.key}-{day(pub).strftime('%Y%m%d')}-s{i:06d}"
                writer = self._en if lang == "en" else self._zh
                text = writer(place, d, pub, kind, seq, picked, inits, national, guest, topic, rng)
                truth = {(o.en if lang == "en" else o.zh): o.pid for o, _ in picked}
                yield stem, text, truth
                i += 1

    def _holders(self, place: Place, d: int) -> list[tuple[Official, Stint]]:
        out = []
        for o in self.at_place.get(place.zh, []):
            s = o.at(d)
            if s is not None and s.place is place:
                out.append((o, s))
        return out

    def _pick(self, rng: random.Random, holders: list[tuple[Official, Stint]], kind: str
              ) -> list[tuple[Official, Stint]]:
        """The presider first (a secretary for party meetings, a mayor or governor for government
        ones, when there is one), then up to five attendees, one per written name."""
        want = {"party": ("Secretary", "Deputy Secretary"), "govt": ("Mayor", "Governor"),
                "guest": ("Secretary", "Mayor", "Governor")}[kind]
        ranked = sorted(holders, key=lambda t: (t[1].post[0] not in want, t[0].pid))
        head, rest = ranked[0], ranked[1:]
        rng.shuffle(rest)
        out, names = [head], {head[0].zh}
        for o, s in rest:
            if len(out) >= 6:
                break
            if o.zh not in names:
                names.add(o.zh)
                out.append((o, s))
        return out

    # -- English ------------------------------------------------------------------------------
    def _en(self, place: Place, d: int, pub: int, kind: str, seq: int, picked: list[tuple[Official, Stint]],
            inits: list[tuple[str, str]], national: list[tuple[str, str]], guest: Guest | None,
            topic: int, rng: random.Random) -> str:
        date, when = day(d), day(d)
        level = "Municipal" if place.province is not None else "Provincial"
        (head, hs), others = picked[0], picked[1:]
        if kind == "party":
            body = f"the Standing Committee of the CPC {place.en} {level} Committee"
            event = f"the {ordinal(seq)} Meeting of {body}"
            title = (f"{ordinal(seq).capitalize()} Meeting of the Standing Committee of the CPC "
                     f"{place.en} {level} Committee Held")
        elif kind == "govt":
            body = f"the {place.en} {level} People's Government"
            event = f"the {ordinal(seq)} Executive Meeting of {body}"
            title = f"{place.en} {level} Government Holds Its {ordinal(seq)} Executive Meeting"
        else:
            assert guest is not None
            title = f"{head.en} Meets with {guest[2]} Delegation Led by {guest[0]}"
            event = ""
        furniture = rng.choice((f"Date: {day(pub).isoformat()}   Source: {place.en} Daily",
                                f"Release time: {day(pub).isoformat()} 09:{rng.randrange(60):02d}",
                                f"Updated : {day(pub).isoformat()}   Source : {place.en} News"))
        lines = [title, "", furniture, ""]
        head_posts = self._posts_en(hs)
        at = f"On {MONTHS[when.month - 1]} {when.day}"
        if kind == "guest":
            assert guest is not None
            lines.append(f"{at}, {head.en}, {head_posts}, met with {guest[0]}, Mayor of {guest[3]}, "
                         f"and the {guest[2]} delegation she led.")
        else:
            lines.append(f"{at}, {head.en}, {head_posts}, presided over {event}.")
        if others:
            listed = [f"{o.en}, {self._posts_en(s)}" for o, s in others if rng.random() < 0.7]
            bare = [o.en for o, s in others if f"{o.en}, {self._posts_en(s)}" not in listed]
            parts = listed + bare
            if len(parts) == 1:
                lines[-1] += f" {parts[0]} attended the meeting."
            else:
                lines[-1] += f" {', '.join(parts[:-1])}, and {parts[-1]} attended the meeting."
        date_s = date.isoformat()
        lines.append("")
        studied = [en for en, _ in inits]
        if studied:
            lines.append(f"The meeting studied the implementation of the {' and the '.join(studied)}, "
                         f"and heard a report on {TOPICS_EN[topic]} of {place.en} since {date_s[:4]}.")
        else:
            lines.append(f"The meeting heard a report on {TOPICS_EN[topic]} of {place.en}.")
        lines.append("")
        guide = (f" take the {national[0][0]} as the guide and" if national else "")
        lines.append(f"{head.en} stressed that all departments should{guide} make every effort to "
                     "complete the tasks of the year, keep the bottom line of safety and serve the "
                     f"development of {place.en}.")
        lines.append("")
        lines.append("Principal officials of relevant departments attended the meeting.")
        return "\n".join(lines) + "\n"

    @staticmethod
    def _posts_en(s: Stint) -> str:
        role, _, kind = s.post
        if kind in ("govt", "pgovt") and role in ("Mayor", "Governor"):
            return f"{role} of {s.place.en}"
        return f"{role} of the {body_name(kind, s.place, 'en')}"

    # -- Chinese ------------------------------------------------------------------------------
    def _zh(self, place: Place, d: int, pub: int, kind: str, seq: int, picked: list[tuple[Official, Stint]],
            inits: list[tuple[str, str]], national: list[tuple[str, str]], guest: Guest | None,
            topic: int, rng: random.Random) -> str:
        when = day(d)
        city = place.province is not None
        unit = "市" if city else "省"
        (head, hs), others = picked[0], picked[1:]
        n = zh_number(seq)
        if kind == "party":
            event = f"{unit}委常委会第{n}次会议"
        elif kind == "govt":
            event = f"{unit}政府第{n}次常务会议"
        else:
            event = ""
        if kind == "guest":
            assert guest is not None
            title = f"{head.zh}会见{guest[1]}一行"
        else:
            title = f"{place.zh}{unit}召开{event}"
        pub_s = day(pub)
        furniture = f"发布时间：{pub_s.year}年{pub_s.month:02d}月{pub_s.day:02d}日  来源：{place.zh}日报"
        lines = [f"首页 > 新闻中心 > {place.zh}要闻", title, furniture, ""]
        at = f"{when.month}月{when.day}日"
        head_posts = self._posts_zh(hs, place)
        if kind == "guest":
            assert guest is not None
            para = f"{at}，{head_posts}{head.zh}在{place.zh}会见了{guest[1]}率领的代表团。"
        else:
            para = f"{at}上午，{head_posts}{head.zh}主持召开{event}"
            para += "，研究部署" + TOPICS_ZH[topic] + "。"
        if others:
            parts = [f"{self._posts_zh(s, place)}{o.zh}" if rng.random() < 0.7 else o.zh for o, s in others]
            para += "，".join(parts) + "出席会议。"
        lines.append(para)
        lines.append("")
        if inits:
            names = "、".join(f"“{zh}”" for _, zh in inits)
            lines.append(f"会议要求，要加快实施{names}，推动各项工作落地见效。")
        if national:
            lines.append(f"会议强调，要坚持以{national[0][1]}为引领，全力完成全年目标任务。")
        lines.append("")
        lines.append(f"{unit}直有关部门主要负责同志参加会议。")
        return "\n".join(lines) + "\n"

    @staticmethod
    def _posts_zh(s: Stint, here: Place) -> str:
        role_en, role, kind = s.post
        if s.place is here:  # the place is implicit at home: 市委书记, 市长, 副省长
            return {"party": "市委", "govt": "", "fao": "市外办", "pparty": "省委", "pgovt": ""}[kind] + role
        return body_name(kind, s.place, "zh") + role if kind not in ("govt", "pgovt") else \
            s.place.zh + ("市" if kind == "govt" else "省") + role

    # -- the analyst's tables -----------------------------------------------------------------
    def tables(self) -> dict[str, str]:
        """The files of a ``KG_DATA_PATH`` folder for this world: relative path -> content."""
        places = ["# invented geography of the synthetic corpus: en\tzh\tprovince_en"]
        places += [f"{p.en}\t{p.zh}\t{p.en}" for p in self.provinces]
        places += [f"{c.en}\t{c.zh}\t{c.province.en}" for c in self.cities if c.province]
        inits = ["# invented initiatives of the synthetic corpus: en\tzh"]
        inits += [f"{en}\t{zh}" for en, zh in self.init_rows]
        return {"aliases/places.tsv": "\n".join(places) + "\n",
                "aliases/initiatives.tsv": "\n".join(inits) + "\n"}

    def write(self, out: Path, per_folder: int = 1000) -> int:
        """Write the corpus under ``out`` (see the module docstring); returns the number of releases."""
        out = Path(out)
        for rel, content in self.tables().items():
            f = out / "data" / rel
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_text(content, encoding="utf-8")
        n = 0
        with open(out / "truth.jsonl", "w", encoding="utf-8") as truth:
            for stem, text, who in self.releases():
                folder = out / "releases" / f"{n // per_folder:03d}"
                if n % per_folder == 0:
                    folder.mkdir(parents=True, exist_ok=True)
                (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
                row = {"id": stem, "persons": who}
                truth.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
                n += 1
        return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of releases")
    ap.add_argument("out", type=Path, help="output folder (releases/, data/, truth.jsonl)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    n = Corpus(args.n, args.seed).write(args.out)
    print(f"wrote {n} releases to {args.out / 'releases'}; KG_DATA_PATH={args.out / 'data'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
