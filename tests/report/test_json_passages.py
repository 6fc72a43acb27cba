"""The report's passages, written row by row for speed, are what json.dumps writes."""

from __future__ import annotations

import json
from array import array

from reader.core.model import Location, SharedPassage, Story
from reader.core.passages.table import COLUMNS, PassageTable
from reader.report.json_report import json_pieces, report_dict


def _table(ids: list[str]) -> PassageTable:
    rows = [(0, 1, 9, 1, 3, 11, 7, 8), (1, 0, 5, 0, 2, 7, 5, 5), (0, 4, 40, 1, 0, 33, 29, 36)]
    return PassageTable(ids, [array("q", column) for column in zip(*rows, strict=True)])


def test_passages_from_a_table_or_a_list_are_written_as_json_dumps_writes_them() -> None:
    ids = ["a1", "a\u20282 \x9b"]  # ids are ours; were one odd, it would still be escaped
    table = _table(ids)
    assert len(table.columns) == len(COLUMNS)
    listed = [
        SharedPassage(Location(ids[0], 2, 9), Location(ids[1], 1, 8), 0.123456),
        SharedPassage(Location(ids[1], 0, 3), Location(ids[0], 5, 8), 1.0),
    ]
    for passages in (table, listed):
        story = Story([], [], passages=passages)
        text = "".join(json_pieces(story))
        assert json.loads(text) == json.loads(json.dumps(report_dict(story)))
        assert "\u2028" not in text and "\x9b" not in text
        rows = json.loads(text)["shared_passages"]
        assert [r["similarity"] for r in rows] == [round(p.similarity, 3) for p in passages]
