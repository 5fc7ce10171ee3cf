"""The five sample articles in seeds/: what a person reading each raw file would say.

For each seed: the headline, the outlet and author the text states ("" when it states none), the
article's own date (not a date inside an embedded tweet), the lines that are site furniture, and
the opening of the article. Every quotation written in the raw article text must stay in the
body.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.documents.loading import load_document
from tests.documents.layout_checks import boilerplate_left, missing_from, quotations, same_moment

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

_TEXECUTIONS_FURNITURE = [
    "Texecutions",
    "Main Menu",
    "Header Banner",
    "Home",
    "American politician",
    "Businessman",
    "U.s. president",
    "Us governor",
    "United states stock market",
    "Home›U.s. president›Russia’s main concerns over Ukraine not addressed by NATO, says US "
    "Foreign Minister Lavrov",
    "By Daniel D. Burke",
    "January 28, 2022",
    "0",
    "Related posts:",
    "New York prosecutors give Trump Organization deadline for closing arguments on Monday – report",
    "Toyota faces backlash as main donor to GOP opponents of presidential vote",
    "UN chief urges US to lift sanctions on Iran as agreed in 2015",
    "Was Trump the Worst American President? Not on this list",
    "Tagspresident bidenunited stateswhite house",
    "Archives",
    *[
        f"{month} {year}"
        for month, year in [
            ("May", 2022),
            ("April", 2022),
            ("March", 2022),
            ("February", 2022),
            ("January", 2022),
            ("December", 2021),
            ("November", 2021),
            ("October", 2021),
            ("September", 2021),
            ("August", 2021),
            ("July", 2021),
            ("June", 2021),
            ("March", 2021),
        ]
    ],
    "Categories",
    "Recent Posts",
    "On his 92nd birthday, Harvey Milk continues to inspire",
    "Credit inclusiveness must go beyond buying now and paying later to meet the needs of those "
    "in need",
    "Arizona Governor Hopeful Lake Seeks Expanded School Choice | Arizona News",
    "Court issues N200m judgment against Nigerian military for killing Imo businessman",
    "Meet the first American president who publicly embraced golf",
    "Terms and Conditions",
    "Privacy Policy",
]

EXPECTED: dict[str, dict] = {
    "000_5e6bac093bbd0041.txt": {
        "title": "Russia’s main concerns over Ukraine not addressed by NATO, says US Foreign "
        "Minister Lavrov",
        "source": "Texecutions",
        "author": "Daniel D. Burke",
        "published": "2022-01-28",
        "furniture": _TEXECUTIONS_FURNITURE,
        "opening": "“There is no positive reaction to the main issue of this document,” Sergei "
        "Lavrov told reporters in Moscow.",
    },
    "001_4e55915c6a9e0776.txt": {
        "title": "Russia says U.S. and NATO responses fail to address their main demand of not "
        "giving NATO membership to Ukraine",
        "source": "",
        "author": "",
        "published": None,  # January 26, 2022 is the date of an embedded tweet
        "furniture": [],
        "opening": "The Foreign Minister of Russia – Sergey Lavrov has said that Russia is not "
        "happy with the official response",
    },
    "002_0b09d4e6bb04e83d.txt": {
        "title": "The responses of the United States and NATO are not enough for Russia",
        "source": "CNN",
        "author": "",
        "published": None,
        "furniture": [
            "Top News",
            "NATO and Russia are strengthening their deployment and increasing tension in "
            "Ukraine 2:47",
            "Who wins military power between the United States and Russia? 1:54",
            "See also\xa0 Errol Spence demolió a Yordenis Ugás en el estadio de los Cowboys",
            "See also\xa0 Atletico Nacional today: How much is left against Pereira by running "
            "at home",
            "Related Articles",
            "Leave a Reply",
            "Your email address will not be published.",
            "Back to top button",
        ],
        "opening": "The written responses provided by the United States and NATO to Russia’s "
        "security demands did not address Moscow’s main concern",
    },
    "003_ea43ae09a6047401.txt": {
        "title": "US, NATO responses to Russia’s security proposals failed to address main "
        "concerns: Kremlin",
        "source": "",
        "author": "",
        "published": "2022-01-29",
        "furniture": [
            "Asia-Pacific, Europe, News January 29, 2022 No Comments on US, NATO responses to "
            "Russia’s security proposals failed to address main concerns: Kremlin",
            "Leave a comment",
        ],
        "opening": "Russian President Vladimir Putin during a video conference with French "
        "President Emmanuel Macron stated that the U.S. and NATO’s responses",
    },
    "004_cfca91bbe62db0c0.txt": {
        "title": "US Avoided Main Question Of NATO Non-Expansion In Written Response: Kremlin",
        "source": "Zero Hedge",
        "author": "Tyler Durden",
        "published": "2022-01-27T09:25:00",
        "furniture": [
            "Tyler Durden",
            "Thu, 01/27/2022 – 09:25",
            "Zero Hedge’s mission is to widen the scope of financial, economic and political "
            "information available to the professional investing public",
        ],
        "opening": "As previously reported, Russia on Wednesday received a hand-delivered "
        "written response from the United States",
    },
}
CHECKS = ("title", "source", "author", "published", "furniture", "opening", "quotations")


def _cases():
    for name in EXPECTED:
        for check in CHECKS:
            yield pytest.param(name, check, id=f"{name[:3]}-{check}")


@pytest.fixture(scope="module")
def loaded():
    return {name: load_document(SEEDS / name) for name in EXPECTED}


def _article_quotations(name: str) -> list[str]:
    """Every quotation in the raw seed outside the lines listed as furniture."""
    furniture = set(EXPECTED[name]["furniture"])
    raw = (SEEDS / name).read_text(encoding="utf-8")
    lines = [line for line in raw.splitlines() if line.strip() not in furniture]
    return [quote for line in lines for quote in quotations(line)]


@pytest.mark.parametrize(("name", "check"), list(_cases()))
def test_seed(loaded, name, check):
    document, expected = loaded[name], EXPECTED[name]
    if check in ("title", "source", "author"):
        assert getattr(document, check) == expected[check]
    elif check == "published":
        assert same_moment(document.published, expected["published"]), document.published
    elif check == "furniture":
        assert boilerplate_left(document.body, expected["furniture"]) == []
    elif check == "opening":
        assert missing_from(document.body, [expected["opening"]]) == []
    else:
        found = _article_quotations(name)
        assert len(found) >= 3
        assert missing_from(document.body, found) == []


def test_every_seed_has_expectations():
    assert {p.name for p in SEEDS.glob("*.txt")} == set(EXPECTED)
