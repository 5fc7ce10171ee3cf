"""Small articles in several page layouts, written for these tests."""

import pytest

WORDPRESS = """\
The Harbour Gazette
Menu
  • Home
  • Politics
  • Business
The Harbour Gazette
Home › Politics › Council votes to close the old ferry terminal
Council votes to close the old ferry terminal
Posted on March 3, 2022 by Maria Lopez
12 Comments
The city council voted on Wednesday to close the old ferry terminal by the end of the year, ending more than a century of service from the waterfront.
“We cannot keep pouring money into a building that is falling apart,” said councillor Tom Reed. “The new terminal will serve everyone better.”
Residents who opposed the plan said they were “deeply disappointed” by the decision and promised to keep campaigning.
Related posts:
  1. Ferry fares rise for the third year in a row
  2. Harbour festival draws record crowds
Tags: council, ferry, harbour
Leave a Reply
Your email address will not be published. Required fields are marked *
© 2022 The Harbour Gazette. All rights reserved.
"""

WIRE = """\
Grain exports resume after weeks of delay

WASHINGTON (Reuters) - Grain shipments resumed on Tuesday after weeks of delays at the main ports, officials said, easing fears of shortages in importing countries.

"The first ships left this morning and more will follow," the agriculture minister told reporters. "We expect the backlog to clear within a month."

Traders said prices fell sharply on the news. Shipping insurers remain cautious about the route.

Farmers unions welcome grain deal 1:42

Back to top
"""

NAME_ABOVE_TIMESTAMP = """\
Rates held steady as inflation cools
The central bank kept its main rate unchanged on Thursday, pointing to signs that inflation is finally easing after two difficult years for households and businesses.
“We are not declaring victory yet,” the governor said at a news conference.
Analysts had expected the decision and markets barely moved after the announcement was made.
Jane Whitfield
Thu, 09/15/2022 – 14:05
The Ledger’s mission is to explain money clearly to everyone who earns, saves or spends it.
"""

TWEET_DATE_ONLY = """\
Minister resigns after leaked recording
The minister stepped down late on Sunday after a recording of a private conversation was published by several newspapers, the government confirmed.
The prime minister thanked her for her service in a short statement on social media:
Thank you for your years of service. I wish you every success. https://t.co/abc123
— Prime Minister (@pm_office) February 6, 2022
Opposition leaders called for a full inquiry into how the recording was made and shared.
"""

WRAPPED_MARKDOWN = """\
---
title: Bridge reopens after repairs
author: Sam Okafor
date: 2021-11-02
source: Valley Courier
---
# Bridge reopens after repairs

The old river bridge reopened to traffic on Tuesday after eight months
of repairs that cost more than the town had planned to spend on it.

"It was worth every penny," the mayor said, cutting the ribbon in front
of a small crowd of residents who had waited for the moment all year.
"""


@pytest.fixture
def write(tmp_path):
    """Write a text file into tmp_path and return its path."""

    def _write(name: str, text: str, encoding: str = "utf-8"):
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return _write
