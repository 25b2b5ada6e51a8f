"""The source parser finds the instruments' units by their own markers: these are the lists the
rule packs are checked against, so the parser itself is checked against what a reader counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from dancoso_rules.load.source import citation_for, parse_units

RULES = Path(__file__).resolve().parent.parent / "rules"


def _units(pack: str, end: str, conclusions: str | None) -> list[str]:
    text = (RULES / pack / "source.txt").read_text(encoding="utf-8")
    return [u.id for u in parse_units(text, body_ends_before=end, conclusions_start=conclusions)]


@pytest.fixture(scope="module")
def tra_vinh() -> list[str]:
    return _units("tra-vinh-2024", "**CHỦ TỊCH**", "Nghị quyết này đã được")


@pytest.fixture(scope="module")
def long_an() -> list[str]:
    return _units("long-an-2025", "**Nơi nhận:**", None)


def test_tra_vinh_article_2_has_23_points(tra_vinh: list[str]) -> None:
    points = [u for u in tra_vinh if u.startswith("art_2__") and "__pt_" in u]
    per_clause = {c: sum(1 for p in points if p.startswith(f"art_2__cl_{c}__")) for c in range(1, 6)}
    assert per_clause == {1: 5, 2: 4, 3: 7, 4: 3, 5: 4}
    assert len(points) == 23
    assert "art_2__cl_3__pt_dd" in points  # đ follows d
    assert "art_2__cl_3__pt_g" in points  # and g follows e: there is no f


def test_long_an_clause_5_has_26_dashes(long_an: list[str]) -> None:
    dashes = [u for u in long_an if u.startswith("art_1__cl_5__") and "__ind_" in u]
    per_point = {p: sum(1 for d in dashes if f"__pt_{p}__" in d) for p in ("a", "b", "c", "d", "dd")}
    assert per_point == {"a": 5, "b": 4, "c": 8, "d": 5, "dd": 4}
    assert len(dashes) == 26


def test_articles_and_closing_formula(tra_vinh: list[str], long_an: list[str]) -> None:
    assert [u for u in tra_vinh if "__" not in u] == ["art_1", "art_2", "art_3", "art_4", "conclusions"]
    assert [u for u in long_an if "__" not in u] == ["art_1", "art_2", "art_3"]
    assert "art_1__cl_6" in long_an


def test_page_breaks_continue_the_unit_before_them() -> None:
    text = (RULES / "tra-vinh-2024" / "source.txt").read_text(encoding="utf-8")
    units = {
        u.id: u
        for u in parse_units(
            text, body_ends_before="**CHỦ TỊCH**", conclusions_start="Nghị quyết này đã được"
        )
    }
    point = units["art_2__cl_2__pt_d"].text or ""
    assert "đoàn viên, hội viên và Nhân dân thực hiện dân chủ ở cơ sở theo quy định của pháp luật." in point


def test_markup_is_not_law() -> None:
    text = "**Điều 1. Phạm vi**\n\n**1. Đối tượng**\n\nA.\n\n## **Điều 2. Khác**\n\nB.\n\nEND\n"
    units = parse_units(text, body_ends_before="END")
    assert [(u.id, u.heading, u.text) for u in units] == [
        ("art_1", "Phạm vi", None),
        ("art_1__cl_1", "Đối tượng", "A."),
        ("art_2", "Khác", "B."),
    ]


@pytest.mark.parametrize(
    ("provision_id", "citation"),
    [
        ("art_2", "Điều 2"),
        ("art_4__cl_2", "khoản 2 Điều 4"),
        ("art_2__cl_3__pt_d", "điểm d khoản 3 Điều 2"),
        ("art_2__cl_3__pt_dd", "điểm đ khoản 3 Điều 2"),
        ("art_1__cl_5__pt_c__ind_4", "gạch đầu dòng thứ tư điểm c khoản 5 Điều 1"),
        ("art_1__cl_5__pt_a__ind_1", "gạch đầu dòng thứ nhất điểm a khoản 5 Điều 1"),
    ],
)
def test_citations_are_written_from_small_to_large(provision_id: str, citation: str) -> None:
    assert citation_for(provision_id) == citation
