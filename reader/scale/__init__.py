"""The quote engine at archive scale: `reader.quotes.analyse` as a PySpark job.

    summary = run(Path("articles.jsonl"), Path("out"), master="local[*]")
    analysis = load_output(Path("out"))   # pyarrow only, no Spark

`job` runs the stages, `variants` the linking passes, `names` the canonical names, `components`
the connected components; `output` reads a job's tables back into a `QuoteAnalysis`. Spark is
the optional `[scale]` extra; `output` needs only pyarrow.
"""
