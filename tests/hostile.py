"""Generated hostile release texts: shapes that made extraction super-linear (issue 8).

Each shape is a function of a repetition count ``n`` giving the text of one release; the tests write
them to files, the benchmark (benchmarks/bench_extract.py --hostile) times extraction against length.
All names are invented.
"""

from __future__ import annotations

from collections.abc import Callable

_NAMES = ["Liu Bo", "Chen Hai", "Zhao Ming", "Sun Li", "Wang Lei", "Zhou Qing", "Wu Ping", "Zheng Yu"]
_ZH_NAMES = ["刘波", "陈海", "赵明", "孙丽", "王磊", "周青", "吴平", "郑宇"]


def caps(n: int) -> str:
    """A run of the same capitalised word before a verb."""
    return "Liu " * n + "presided over the meeting.\n"


def caps_mixed(n: int) -> str:
    """A run of different capitalised words (a title-cased spam line) before a verb."""
    words = ["Qingshan", "Municipal", "Party", "Committee", "Liu", "Bo", "Director", "Office"]
    return " ".join(words[i % len(words)] for i in range(n)) + " met with the delegation.\n"


def title_chain(n: int) -> str:
    """A name, then a title that nests 'Director of the' n times."""
    return "Liu Bo, " + "Director of the " * n + "Office, attended the meeting.\n"


def title_list(n: int) -> str:
    """A name with n titles joined by commas and 'and'."""
    titles = ", ".join(f"Deputy Director of the Qingshan Bureau No {i}" for i in range(n))
    return f"Liu Bo, {titles} and Secretary of the Lanhe Committee, presided over the meeting.\n"


def name_list(n: int) -> str:
    """An attendance sentence listing n names."""
    names = ", ".join(_NAMES[i % len(_NAMES)] for i in range(n))
    return f"The meeting was attended by {names} and Zheng Yu.\n"


def one_line(n: int) -> str:
    """n ordinary sentences on one single line (no newline anywhere)."""
    s = ("Liu Bo, Secretary of the Qingshan Municipal Party Committee, presided over the meeting "
         "of the Lanhe Development Committee on March 3. ")
    return s * n


def no_stop(n: int) -> str:
    """n words with no full stop and no newline: one endless sentence."""
    words = ["the", "Qingshan", "committee", "of", "Lanhe", "and", "Director", "Liu", "Bo", "met"]
    return " ".join(words[i % len(words)] for i in range(n))


def zh_title_chain(n: int) -> str:
    """A Chinese name after n stacked titles."""
    return "青山市委常委、副市长" * n + "刘波主持会议。\n"


def zh_list(n: int) -> str:
    """A Chinese 、-list of n names before an attendance verb."""
    return "、".join(_ZH_NAMES[i % len(_ZH_NAMES)] for i in range(n)) + "出席会议。\n"


def zh_body_chain(n: int) -> str:
    """A Chinese body name nested n times."""
    return "刘波在" + "青山市人民政府办公室" * n + "主持召开会议。\n"


def zh_former(n: int) -> str:
    """A title prefixed by 时任 ("then") n times (it was read by recursion, one level per 时任)."""
    return "新加坡" + "时任" * n + "总理刘波出席会议。\n"


SHAPES: dict[str, Callable[[int], str]] = {
    "caps": caps,
    "caps_mixed": caps_mixed,
    "title_chain": title_chain,
    "title_list": title_list,
    "name_list": name_list,
    "one_line": one_line,
    "no_stop": no_stop,
    "zh_title_chain": zh_title_chain,
    "zh_list": zh_list,
    "zh_body_chain": zh_body_chain,
    "zh_former": zh_former,
}


def sized(shape: str, nbytes: int) -> str:
    """The shape's text grown to about ``nbytes`` UTF-8 bytes."""
    make = SHAPES[shape]
    unit = max(1, len(make(100).encode()) // 100)
    return make(max(1, nbytes // unit))
