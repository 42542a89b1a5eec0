"""An invented network of officials (no real names or release text) whose analysis is known by design;
used by the tests and the benchmark.

Two invented cities, Hexi and Nanshan, and seven events over three releases:

  E1 Hexi Planning Meeting     Han Yunfei presides; Gao Mingyuan, Fang Xiaoli, Du Wenbo attend
  E2 Hexi Budget Session       Gao Mingyuan presides; Fang Xiaoli, Han Yunfei, Qiu Lanting attend
  E3 Hexi Trade Forum          Han Yunfei presides; Gao Mingyuan, Fang Xiaoli, Du Wenbo, Qiu Lanting attend
  E4 Hexi Youth Exchange       Fang Xiaoli presides; Gao Mingyuan attends
  E5 Nanshan Port Meeting      Meng Zhiyuan presides; Tang Yifan, Luo Qinghe, Xue Ruolan attend
  E6 Nanshan Tech Conference   Tang Yifan presides; Meng Zhiyuan, Luo Qinghe attend
  E7 Hexi-Nanshan Joint Talks  Han Yunfei presides; Meng Zhiyuan, Xue Ruolan attend

So: Han Yunfei is the most central (highest degree, weighted degree, PageRank; the only bridge, so the
highest betweenness) and presided most (3); Gao Mingyuan and Fang Xiaoli are the strongest pair (4 shared
events); the communities are {Han, Gao, Fang, Du, Qiu} and {Meng, Tang, Luo, Xue}; the Green Corridor
Initiative is endorsed by 3 bodies (4 events), the Blue Harbour Plan by 2 (2), the Silk Thread Programme
by 1 (1).
"""

from __future__ import annotations

from kg.model import Body, Event, Extraction, Initiative, Person, Post, Release

HEXI_CMTE = "CPC Hexi Municipal Committee"
NANSHAN_GOV = "Nanshan Municipal People's Government"
GREEN, BLUE, SILK = "Green Corridor Initiative", "Blue Harbour Plan", "Silk Thread Programme"

# (release, event, date, body, presider, attendees, initiatives)
EVENTS: list[tuple[str, str, str, str, str, list[str], list[str]]] = [
    ("hexi-1", "Hexi Planning Meeting", "2024-01-10", HEXI_CMTE, "Han Yunfei",
     ["Gao Mingyuan", "Fang Xiaoli", "Du Wenbo"], [GREEN]),
    ("hexi-1", "Hexi Budget Session", "2024-02-01", HEXI_CMTE, "Gao Mingyuan",
     ["Fang Xiaoli", "Han Yunfei", "Qiu Lanting"], [GREEN]),
    ("hexi-2", "Hexi Trade Forum", "2024-03-01", "Hexi Commerce Bureau", "Han Yunfei",
     ["Gao Mingyuan", "Fang Xiaoli", "Du Wenbo", "Qiu Lanting"], []),
    ("hexi-1", "Hexi Youth Exchange", "2024-03-15", "Hexi Youth League Committee", "Fang Xiaoli",
     ["Gao Mingyuan"], [SILK]),
    ("nanshan-1", "Nanshan Port Meeting", "2024-04-01", "CPC Nanshan Municipal Committee", "Meng Zhiyuan",
     ["Tang Yifan", "Luo Qinghe", "Xue Ruolan"], [BLUE, GREEN]),
    ("nanshan-1", "Nanshan Tech Conference", "2024-04-20", "Nanshan Science and Technology Bureau",
     "Tang Yifan", ["Meng Zhiyuan", "Luo Qinghe"], [BLUE]),
    ("nanshan-1", "Hexi-Nanshan Joint Talks", "2024-05-01", "Provincial Foreign Affairs Office", "Han Yunfei",
     ["Meng Zhiyuan", "Xue Ruolan"], [GREEN]),
]

POSTS: dict[str, tuple[str, str]] = {
    "Han Yunfei": ("Secretary", HEXI_CMTE),
    "Meng Zhiyuan": ("Mayor", NANSHAN_GOV),
}

URLS = {"hexi-1": "http://example.org/hexi/1", "hexi-2": "http://example.org/hexi/2",
        "nanshan-1": "http://example.org/nanshan/1"}


def _extraction(release_id: str, rows: list[tuple[str, str, str, str, str, list[str], list[str]]],
                url: str | None, title: str | None = None) -> Extraction:
    sentences = []
    for _rid, name, date, body, presider, attendees, initiatives in rows:
        s = f"On {date}, {presider} presided over the {name} of the {body}. {', '.join(attendees)} attended."
        if initiatives:
            s += f" The meeting endorsed the {' and the '.join(initiatives)}."
        sentences.append(s)
    names = sorted({n for r in rows for n in [r[4], *r[5]]})
    for n in names:
        if n in POSTS:
            role, body = POSTS[n]
            sentences.append(f"{n} is {role} of the {body}.")
    text = "\n".join(sentences)
    persons = [Person(n, [Post(*POSTS[n])] if n in POSTS else []) for n in names]
    bodies = sorted({r[3] for r in rows} | {POSTS[n][1] for n in names if n in POSTS})
    initiatives = sorted({i for r in rows for i in r[6]})
    events = [Event(name=name, date=date, body=body, presided_by=[presider], attended_by=list(attendees),
                    initiatives=list(inis), kind="meeting")
              for _rid, name, date, body, presider, attendees, inis in rows]
    release = Release(id=release_id, text=text, url=url, title=title or f"Invented release {release_id}",
                      published=rows[0][2] if rows else None, language="en")
    return Extraction(release=release, language="en", persons=persons, bodies=[Body(b) for b in bodies],
                      initiatives=[Initiative(i) for i in initiatives], events=events)


def network_extractions() -> list[Extraction]:
    """The three invented releases of the Hexi/Nanshan network (see the module docstring)."""
    out = []
    for rid in sorted({r[0] for r in EVENTS}):
        out.append(_extraction(rid, [r for r in EVENTS if r[0] == rid], URLS[rid]))
    return out


XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror="window.__kgXss=1">'


def hostile_extraction() -> Extraction:
    """A release whose names try to inject markup and script into the explorer."""
    rows = [("hostile-1", f"Summit {XSS_IMG}", "2024-06-01", f"Bureau {XSS_SCRIPT}", f"Wang {XSS_SCRIPT}",
             [f"Li {XSS_IMG}", "Zhao </script><script>window.__kgXss=2</script>"], [f"Plan {XSS_SCRIPT}"])]
    return _extraction("hostile-1", rows, "javascript:alert(3)", title=f"Title {XSS_SCRIPT}")
