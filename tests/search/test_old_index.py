"""An index written by an older version of the program, whose schema names a field class that no
longer exists, is rebuilt with a message instead of failing (Whoosh unpickles the schema)."""

import sys
import types

from whoosh import index as whoosh_index
from whoosh.fields import TEXT

from reader.search import SearchIndex, schema
from reader.search.indexing import INDEX_NAME
from tests.search.conftest import make_doc


def write_index_with_a_class_that_goes_away(folder):
    module = types.ModuleType("old_reader_schema")
    module.GoneText = type("GoneText", (TEXT,), {"__module__": "old_reader_schema"})
    sys.modules["old_reader_schema"] = module
    try:
        fields = schema.build_schema()
        fields.add("gone", module.GoneText())
        folder.mkdir()
        writer = whoosh_index.create_in(str(folder), fields, INDEX_NAME).writer()
        writer.add_document(id="old", gone="old words")
        writer.commit()
    finally:
        del sys.modules["old_reader_schema"]


def test_an_index_of_an_older_version_is_rebuilt(tmp_path):
    folder = tmp_path / "index"
    write_index_with_a_class_that_goes_away(folder)
    index = SearchIndex(folder)
    assert index.search("words").hits == []
    report = index.update([make_doc("d1", "The minister said words.")])
    assert report.rebuilt and "rebuilt" in report.message
    assert [hit.doc for hit in index.search("words").hits] == ["d1"]
