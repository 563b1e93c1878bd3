"""The Python API: demarche.code / extract / Coder on our own sentences, against the binary."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import threading
import warnings

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import demarche
from conftest import EXAMPLE, REPO, make_corpus

SENTENCE = "Russia accused Ukraine of shelling the plant."


def test_the_issue_example_gives_rus_ukr_an_accusation_with_evidence():
    table = demarche.code([SENTENCE], dates=["2024-05-01"])
    assert isinstance(table, pa.Table)
    df = table.to_pandas()
    assert len(df) == 1
    row = df.iloc[0]
    assert (row["source"], row["target"]) == ("RUS", "UKR")
    assert row["code"].startswith("11") and row["root"] == "11"
    assert row["doc_id"] == "0" and row["sentence"] == 0
    assert row["date"] == dt.date(2024, 5, 1)
    assert row["sentence_text"][row["source_start"]:row["source_end"]] == "Russia"
    assert row["sentence_text"][row["verb_start"]:row["verb_end"]] == "accused"
    assert row["sentence_text"][row["target_start"]:row["target_end"]] == "Ukraine"
    rules = list(row["rules"])
    assert rules and all(r["file"] and r["line"] > 0 for r in rules)


def test_the_schema_is_the_binary_s(tmp_path, binary):
    news = tmp_path / "news.jsonl"
    news.write_text(json.dumps({"id": "n1", "date": "2024-05-01", "text": SENTENCE}) + "\n")
    out = tmp_path / "events.parquet"
    subprocess.run([binary, "code", news, "--to", "parquet", "-o", out], check=True,
                   capture_output=True)
    from_binary = pq.read_table(out)
    assert from_binary.schema == demarche.EVENT_SCHEMA
    mine = demarche.code([SENTENCE], dates=["2024-05-01"], ids=["n1"])
    assert mine.equals(from_binary)


def test_events_equal_the_binary_s_json_lines_with_ids_spans_and_rules(tmp_path, binary):
    records = make_corpus(300, seed=5)
    news = tmp_path / "news.jsonl"
    news.write_text("".join(json.dumps(r) + "\n" for r in records))
    run = subprocess.run([binary, "code", news, "--threads", "2"], check=True,
                         capture_output=True, text=True)
    expected = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    table = demarche.code([r["text"] for r in records], dates=[r["date"] for r in records],
                          ids=[r["id"] for r in records])
    got = table.to_pylist()
    assert len(got) == len(expected) > 100
    for g, e in zip(got, expected):
        assert g["doc_id"] == e["doc_id"]
        assert g["sentence"] == e["sentence"]
        assert g["date"].isoformat() == e["date"]
        assert (g["source"], g["target"], g["code"]) == (e["source"], e["target"], e["code"])
        assert g["verb_text"] == e["verb_text"]
        ev = e["evidence"]
        for part in ("source", "target", "verb"):
            span = ev.get(f"{part}_span")
            assert [g[f"{part}_start"], g[f"{part}_end"]] == (span or [None, None])
        assert g["rules"] == ev["rules"]
        assert abs(g["goldstein"] - e["goldstein"]) < 1e-6


def test_dates_as_date_objects_one_date_for_all_and_default_ids():
    a = demarche.code([SENTENCE, SENTENCE], dates=dt.date(2024, 5, 1))
    assert a.column("doc_id").to_pylist() == ["0", "1"]
    assert set(a.column("date").to_pylist()) == {dt.date(2024, 5, 1)}
    b = demarche.code([SENTENCE], dates=[dt.datetime(2024, 5, 1, 12, 30)])
    assert b.column("date").to_pylist() == [dt.date(2024, 5, 1)]
    import pandas as pd

    c = demarche.code(pd.Series([SENTENCE, SENTENCE]),
                      dates=pd.Series([pd.Timestamp("2024-05-01 08:00"), pd.NaT]),
                      ids=pd.Series([10, 11]), date="2024-05-02")
    assert c.column("date").to_pylist() == [dt.date(2024, 5, 1), dt.date(2024, 5, 2)]
    assert c.column("doc_id").to_pylist() == ["10", "11"]


def test_no_date_warns_and_codes_as_of_today():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = demarche.code([SENTENCE])
    assert any("no date" in str(w.message) for w in caught)
    assert t.column("date").to_pylist() == [dt.date.today()]


def test_errors_name_the_record_and_what_was_wrong():
    with pytest.raises(demarche.DemarcheError, match=r"record 1 \(id 'b'\): text is int"):
        demarche.code(["x", 5], dates=["2024-05-01"] * 2, ids=["a", "b"])
    with pytest.raises(demarche.DemarcheError, match=r"record 1 \(id \"b\"\): date \"2024-13-01\""):
        demarche.code(["x", "y"], dates=["2024-05-01", "2024-13-01"], ids=["a", "b"])
    with pytest.raises(demarche.DemarcheError, match="2 texts but 1 ids"):
        demarche.code(["x", "y"], ids=["a"])
    with pytest.raises(demarche.DemarcheError, match="one string"):
        demarche.code(SENTENCE)
    with pytest.raises(ValueError):  # DemarcheError is a ValueError
        demarche.code(["x"], dates=["yesterday"])


def test_a_coder_loads_once_and_is_shared_by_threads():
    coder = demarche.Coder(threads=2)
    assert coder.threads == 2 and coder.dictionaries == "built-in"
    records = make_corpus(200, seed=7)
    texts = [r["text"] for r in records]
    dates = [r["date"] for r in records]
    alone = coder.code(texts, dates=dates)
    results = [None] * 4

    def work(i):
        results[i] = coder.code(texts, dates=dates)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r.equals(alone) for r in results)


def test_coder_options_and_dictionary_errors():
    with pytest.raises(demarche.DemarcheError, match="unknown coding option `no_such`"):
        demarche.Coder(options={"no_such": 1})
    with pytest.raises(demarche.DemarcheError, match="expected a folder"):
        demarche.Coder("/no/such/folder")
    with pytest.raises(demarche.DemarcheError, match="petrarch needs at least"):
        demarche.Coder(petrarch={"verbs": "v.txt"})
    plain = demarche.Coder(options={"negation": False})
    assert plain.code(["Russia did not attack Ukraine."], dates="2024-05-01").num_rows >= 0


def test_streams_code_lazily_in_batches(tmp_path):
    records = make_corpus(1100, seed=3)
    whole = demarche.code([r["text"] for r in records], dates=[r["date"] for r in records],
                          ids=[r["id"] for r in records])
    batches = list(demarche.code_iter(iter(records), batch_size=500))
    assert len(batches) == 3
    assert pa.concat_tables(batches).equals(whole)
    news = tmp_path / "news.jsonl"
    news.write_text("".join(json.dumps(r) + "\n" for r in records) + "not json\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        from_file = list(demarche.Coder().code_files(news))
    assert pa.concat_tables(from_file).equals(whole)
    assert any("news.jsonl:1101" in str(w.message) for w in caught), [str(w.message) for w in caught]


def test_parquet_news_files_read_like_the_binary_s(tmp_path):
    records = make_corpus(50, seed=11)
    table = pa.table({"id": [r["id"] for r in records],
                      "date": [dt.date.fromisoformat(r["date"]) for r in records],
                      "text": [r["text"] for r in records]})
    pq.write_table(table, tmp_path / "news.parquet")  # snappy, as pandas writes it
    got = pa.concat_tables(demarche.Coder().code_files(tmp_path / "news.parquet"))
    want = demarche.code(table.column("text").to_pylist(),
                         dates=table.column("date").to_pylist(),
                         ids=table.column("id").to_pylist())
    assert got.equals(want)


def test_conllu_parses_code_like_the_binary_s(tmp_path, binary):
    """format="conllu" codes the parses as `code --conllu`; without it the text, as `code`."""
    fixtures = REPO / "crates" / "demarche" / "tests" / "fixtures"
    tables = {}
    for name in ("news-spacy.conllu", "ud-stanza-style.conllu"):
        for flags, fmt in ((["--conllu"], "conllu"), ([], None)):
            out = tmp_path / "events.parquet"
            subprocess.run([binary, "code", *flags, fixtures / name, "--date", "2024-05-01",
                            "--to", "parquet", "-o", out], check=True, capture_output=True)
            want = pq.read_table(out)
            got = pa.concat_tables(
                demarche.Coder().code_files(fixtures / name, format=fmt, date="2024-05-01"))
            assert got.num_rows > 5
            assert got.equals(want), (name, fmt)
            tables[name, fmt] = got
    # The parses are what was coded: on the UD fixture the built-in parser reads the gapped
    # clause ("and Denmark to Chad") as a second object and codes one event more.
    ud = "ud-stanza-style.conllu"
    assert tables[ud, None].num_rows == tables[ud, "conllu"].num_rows + 1
    with pytest.raises(demarche.DemarcheError, match="conllu"):
        list(demarche.Coder().code_files(fixtures / ud, format="conll-x"))


def test_the_example_article_to_pandas():
    text = EXAMPLE.read_text(encoding="utf-8")
    df = demarche.code([text], dates=["2021-11-20"], ids=["global-times"]).to_pandas()
    assert ("CHN", "RUSGOV", "051") in set(zip(df.source, df.target, df.code))
    assert (df.doc_id == "global-times").all()


def test_extract_gives_one_row_per_item():
    text = ('Russian Foreign Minister Sergei Lavrov said on Monday that "the talks failed". '
            "Russia sent 300 troops to Mali.")
    t = demarche.extract([text], dates=["2024-05-06"], ids=["x"])
    assert t.schema == demarche.EXTRACT_SCHEMA
    df = t.to_pandas()
    kinds = set(df.kind)
    assert {"person", "quotation", "amount", "tone"} <= kinds, df
    person = df[df.kind == "person"].iloc[0]
    assert "Lavrov" in person.text
    assert text[int(person.start):int(person.end)] == "Sergei Lavrov"
    assert json.loads(df[df.kind == "tone"].iloc[0].detail)["words"] > 0
