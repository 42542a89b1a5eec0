"""When the reported event took place: the first dateline of the body text (6月3日, 25日, 昨天上午),
resolved against the publication date (else the file-name date hint); never invented without one."""

from __future__ import annotations

import re
from datetime import date, timedelta

# page furniture (时间：2025-01-08, 来源：...); 当地时间9月13日 is a dateline, not furniture
FURNITURE = re.compile(r"(?<!当地)时间|来源|日期|发布|浏览|作者|编辑|责编")
# a month's digits never continue a number (date2025-08-198月18日: 8月, not 98月)
_FULL = re.compile(r"(?:(\d{4})年|(?<!\d))(\d{1,2})月(\d{1,2})日")
# 25日上午 after a clause break, or right after the meeting's name (某某会议9日上午在某地举行)
_DAY = re.compile(r"(?:^|(?<=[\s，,。：:])|(?<=[\u4e00-\u9fff](?<![第至到和及、])))(\d{1,2})日"
                  r"(?=[，,上下晚早中]|召开|举行)")
_YEAR_COUNT = re.compile(r"((?:19|20)\d{2})年(?:度)?第[一二三四五六七八九十\d]+次")
_RELATIVE = {"昨天": -1, "昨日": -1, "今天": 0, "今日": 0, "前天": -2}
# 上周五, 本周二, 星期三 (the last such day up to the publication date), 周四上午
_WEEKDAY = re.compile(
    r"(上周|上星期|本周|本星期|星期|礼拜)([一二三四五六日天])|(?<![\u4e00-\u9fff])周([一二三四五六日天])(?=[上下晚早中，,]|召开|举行)"
)
# 某某日前在某地会见, 近日: a dateline that gives no day, the event's date is not known (not 20日前)
_VAGUE = re.compile(r"(?<![\d月号])(?:日前|近日)")
_WD = {c: i for i, c in enumerate("一二三四五六")} | {"日": 6, "天": 6}
# 二〇二五年三月五日, 三月二十八日: a date in Chinese numerals (read as its Arabic form)
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0"}
_CN_DATE = re.compile(r"(?:([〇零○Ｏ一二三四五六七八九]{4})年)?([一二三四五六七八九十]{1,2})月"
                      r"([一二三四五六七八九十]{1,3})日")


def _cn_number(t: str) -> int | None:
    """一 .. 三十一 as a number (十 = 10, 十五 = 15, 二十三 = 23)."""
    if "十" not in t:
        return int(_CN_DIGIT[t]) if len(t) == 1 else None
    tens, _, ones = t.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (int(_CN_DIGIT[tens]) if tens else 1) * 10 + (int(_CN_DIGIT[ones]) if ones else 0)


def arabic_dates(line: str) -> str:
    """The line with its Chinese-numeral dates written in digits (二〇二五年三月五日 -> 2025年3月5日).

    >>> arabic_dates("二〇二五年三月五日，十二月三十一日")
    '2025年3月5日，12月31日'
    """
    def sub(m: re.Match) -> str:
        month, day = _cn_number(m.group(2)), _cn_number(m.group(3))
        if month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 31):
            return m.group(0)
        year = "".join(_CN_DIGIT[c] for c in m.group(1)) + "年" if m.group(1) else ""
        return f"{year}{month}月{day}日"

    return _CN_DATE.sub(sub, line) if "月" in line else line


def _weekday(ref: date, m: re.Match) -> date:
    wd = _WD[m.group(2) or m.group(3)]
    back = (ref.weekday() - wd) % 7
    if m.group(1) in ("上周", "上星期"):
        return ref - timedelta(days=ref.weekday() + 7 - wd)
    return ref - timedelta(days=back)


def _ref(published: str | None, hint: str | None) -> date | None:
    for x in (published, hint):
        if x:
            try:
                return date.fromisoformat(x)
            except ValueError:
                continue
    return None


def _mk(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _after_wire(line: str, wire: re.Match, ref: date | None) -> str | None:
    """The date of the first sentence after a wire dateline (5月9日电 ... 8日 / 5月8日), resolved
    against the wire's date, if it is not later than that; else None."""
    end = line.find("。", wire.end())
    rest = line[wire.end() + 1:end if end >= 0 else len(line)]
    y = int(wire.group(1)) if wire.group(1) else (ref.year if ref else None)
    if y is None:
        return None
    filed = _mk(y, int(wire.group(2)), int(wire.group(3)))
    full, day = _FULL.search(rest), _DAY.search(rest)
    d = None
    if full and (day is None or full.start() <= day.start()):
        d = _mk(int(full.group(1)) if full.group(1) else y, int(full.group(2)), int(full.group(3)))
    elif day and filed:
        d = _mk(filed.year, filed.month, int(day.group(1)))
    return d.isoformat() if d and filed and d <= filed else None


def event_date(s: str, published: str | None, hint: str | None, start: int = 0) -> tuple[str | None, int]:
    """(YYYY-MM-DD or None, view offset of the dateline or -1), from s[start:]."""
    ref = _ref(published, hint)
    pos = start
    for line in s[start:].split("\n"):
        line = arabic_dates(line)  # offsets within a converted line shift by a character at most
        if FURNITURE.search(line) and len(line) < 120:
            pos += len(line) + 1
            continue
        cands = []
        if m := _FULL.search(line):
            cands.append((m.start(), "full", m))
        if m := _DAY.search(line):
            cands.append((m.start(), "day", m))
        if m := _WEEKDAY.search(line):
            cands.append((m.start(), "weekday", m))
        for w in _RELATIVE:
            if (k := line.find(w)) >= 0:
                cands.append((k, w, None))
        if m := _VAGUE.search(line):  # 日前, 近日: the release does not say when
            cands.append((m.start(), "vague", m))
        if not cands:
            pos += len(line) + 1
            continue
        k, kind, m = min(cands, key=lambda c: c[0])
        if kind == "full" and m is not None and line.startswith("电", m.end()):
            # 新华社北京5月9日电 政治局8日召开会议: the wire's filing date; the sentence's own date wins
            own = _after_wire(line, m, ref)
            if own is not None:
                return own, pos + k
        if kind == "vague":
            return None, pos + k
        if ref is None:
            if kind == "full" and m and m.group(1):
                d = _mk(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                return (d.isoformat() if d else None), pos + k
            # 6月20日，某组举行2024年第5次集体学习: the meeting's own year count dates it
            n = _YEAR_COUNT.search(line) or _YEAR_COUNT.search(s[start:pos])
            if kind == "full" and m and n:
                d = _mk(int(n.group(1)), int(m.group(2)), int(m.group(3)))
                return (d.isoformat() if d else None), pos + k
            return None, pos + k
        if kind == "weekday":
            assert m is not None
            return _weekday(ref, m).isoformat(), pos + k
        if kind in _RELATIVE:
            return (ref + timedelta(days=_RELATIVE[kind])).isoformat(), pos + k
        assert m is not None
        if kind == "full":
            y = int(m.group(1)) if m.group(1) else ref.year
            d = _mk(y, int(m.group(2)), int(m.group(3)))
            if d and not m.group(1) and d > ref + timedelta(days=3):
                d = _mk(y - 1, d.month, d.day)
        else:
            d = _mk(ref.year, ref.month, int(m.group(1)))
            if d and d > ref + timedelta(days=3):
                prev = (ref.replace(day=1) - timedelta(days=1))
                d = _mk(prev.year, prev.month, int(m.group(1)))
        return (d.isoformat() if d else None), pos + k
    return None, -1
