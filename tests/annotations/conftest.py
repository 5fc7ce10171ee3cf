"""A small real article on disk, loaded the way the library loads it."""

import pytest

from reader.documents.loading import load_document

ARTICLE = """\
Harbour council closes the old ferry terminal
By Maria Lopez
March 3, 2022
The city council voted on Wednesday to close the old ferry terminal by the end of the year, ending more than a century of service from the waterfront.
“We cannot keep pouring money into a building that is falling apart,” said councillor Tom Reed. “The new terminal will serve everyone better.”
Residents who opposed the plan said they were “deeply disappointed” by the decision and promised to keep campaigning against the closure.
Олег Петров, a ferry captain for thirty years, said the terminal was part of the town’s identity.
"""


@pytest.fixture
def article(tmp_path):
    """Write ARTICLE (or a given text) to a file and load it as a Document."""

    def _article(text: str = ARTICLE, name: str = "ferry.txt"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return load_document(path)

    return _article
