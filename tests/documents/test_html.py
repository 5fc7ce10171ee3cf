"""Article text and metadata from HTML pages: chrome dropped, nothing executed or fetched."""

from datetime import datetime, timedelta, timezone

from reader.documents.loading import load_document

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Dam project approved | Riverside Post</title>
<meta property="og:site_name" content="Riverside Post">
<meta name="author" content="Lena Brandt">
<meta property="article:published_time" content="2022-05-04T08:30:00+02:00">
<style>p { color: red }</style>
<script>document.write("<p>injected text</p>")</script>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
<article>
<h1>Dam project approved</h1>
<p class="byline">By Lena Brandt</p>
<p>The regional assembly approved the new dam on Wednesday after a debate that lasted
most of the night.</p>
<p>&ldquo;This is a historic day for the valley,&rdquo; the assembly&#8217;s president said.
&laquo;Nous sommes pr&ecirc;ts&raquo;, added a French delegate.</p>
<iframe src="https://ads.example/frame"></iframe>
<img src="https://tracker.example/pixel.gif">
<div class="share-buttons"><a href="#">Share on Facebook</a></div>
<aside class="related"><h3>Related</h3><ul><li>Older dam story</li></ul></aside>
</article>
<section id="comments"><h2>Comments</h2><p>First! Great article.</p></section>
<footer><p>&copy; 2022 Riverside Post</p></footer>
</body></html>
"""

BROKEN = """<html><body><div><p>Talks collapse in the capital
<p>&ldquo;We have nothing more to discuss,&rdquo; the union leader said &amp; left the room.
<div class="menu"><a href="/">Home</a><a href="/x">World</a></div>
<p>Negotiations are expected to resume next week, officials said on Friday night.
<b>unclosed bold <i>and italic
"""


def test_article_html_keeps_only_the_article_and_its_metadata(tmp_path):
    path = tmp_path / "dam.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = load_document(path)
    assert doc.title == "Dam project approved"
    assert doc.source == "Riverside Post"
    assert doc.author == "Lena Brandt"
    assert doc.published == datetime(2022, 5, 4, 8, 30, tzinfo=timezone(timedelta(hours=2)))
    assert doc.language == "en"
    assert "“This is a historic day for the valley,” the assembly’s president said." in doc.body
    assert "«Nous sommes prêts»" in doc.body
    for chrome in ["injected", "color: red", "Home", "Share on", "Older dam", "First!", "©"]:
        assert chrome not in doc.body
    assert (
        "approved the new dam on Wednesday after a debate that lasted most of the night" in doc.body
    )


def test_broken_html_still_gives_its_text(tmp_path):
    path = tmp_path / "broken.htm"
    path.write_text(BROKEN, encoding="utf-8")
    doc = load_document(path)
    assert "“We have nothing more to discuss,” the union leader said & left the room." in doc.body
    assert "Negotiations are expected to resume" in doc.body
    assert "World" not in doc.body
    assert "unclosed bold and italic" in doc.body


def test_html_paragraph_offsets_point_into_the_page_source(tmp_path):
    path = tmp_path / "dam.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = load_document(path)
    start, _ = doc.paragraphs()[0]
    raw = doc.raw_offset(start)
    assert PAGE[raw:].startswith("The regional assembly")
