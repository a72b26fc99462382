"""The benchmark's arithmetic, and the committed evidence in the README (course checks, not graded).

The benchmark itself takes a while (``make bench-week 7``); these tests check its pieces and that
the README holds the table of a real run, whose "after" plans read an index that answers the whole
query (no Filter, no Sort, no Seq Scan).
"""

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

WEEK = Path(__file__).resolve().parents[2]


def load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_queries", WEEK / "benchmarks" / "bench_queries.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


bench = load_benchmark()


def test_percentile_is_nearest_rank() -> None:
    samples = [float(n) for n in range(100, 0, -1)]  # 100 ... 1, unsorted on purpose
    assert bench.percentile(samples, 0.95) == 95.0
    assert bench.percentile(samples, 0.5) == 50.0
    assert bench.percentile([7.0], 0.95) == 7.0


def test_plan_summary_names_nodes_and_filters_not_indexes() -> None:
    plan = {"Plan": {"Node Type": "Limit", "Plans": [
        {"Node Type": "Index Scan", "Index Name": "ix_a", "Scan Direction": "Backward",
         "Filter": "(category_id = 7)"},
    ]}}  # fmt: skip
    assert bench.plan_summary(plan) == "Index Scan Backward + Filter"
    sort = {"Node Type": "Sort", "Plans": [{"Node Type": "Seq Scan"}]}
    assert bench.plan_summary(sort) == "Sort + Seq Scan"


def test_table_goes_between_the_markers_only() -> None:
    document = f"intro\n{bench.START}\nold table\n{bench.END}\noutro\n"
    assert bench.replace_between_markers(document, "new") == (
        f"intro\n{bench.START}\nnew\n{bench.END}\noutro\n"
    )
    with pytest.raises(ValueError, match="markers"):
        bench.replace_between_markers("no markers here", "new")


def test_table_has_one_row_per_query_with_the_speed_up() -> None:
    before = {"q": bench.Measurement(10.0, 12.0, "Seq Scan")}
    after = {"q": bench.Measurement(0.5, 0.6, "Index Scan (ix_a)")}
    rows = bench.table(before, after, 1000, 10).splitlines()
    assert rows[-1] == (
        "| q | 10.00 / 12.00 ms | Seq Scan | 0.50 / 0.60 ms | Index Scan (ix_a) | 20.0x |"
    )


def test_the_readme_holds_the_numbers_of_a_real_run() -> None:
    readme = (WEEK / "README.md").read_text(encoding="utf-8")
    match = re.search(re.escape(bench.START) + r"(.*?)" + re.escape(bench.END), readme, re.S)
    assert match, "run `make bench-week 7` and commit the README"
    rows = [line for line in match[1].splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == 1 + len(bench.QUERIES)  # the header and one row per query
    for row in rows[1:]:
        plan_after = row.split(" | ")[4]
        assert plan_after.startswith("Index Scan"), row
        assert not {"Filter", "Sort", "Seq Scan"} & set(plan_after.split(" + ")), row
