"""Quotes are compared after NFC and white-space folding only: one diacritic makes a different quote.
Text put into XML (workbooks, Word documents, JUnit) has what XML cannot carry written out, never dropped."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from dancoso_rules.text import content_hash, fold, is_verbatim_part, xml_compatible, xml_visible


def test_decomposed_text_matches_its_composed_form() -> None:
    composed = "hội nghị cán bộ"
    assert is_verbatim_part(unicodedata.normalize("NFD", composed), f"Tổ chức {composed} hằng năm")


def test_white_space_and_page_breaks_fold() -> None:
    assert is_verbatim_part("Nhân dân thực hiện", "và Nhân dân\n\nthực hiện dân chủ")


def test_a_different_diacritic_is_a_different_quote() -> None:
    assert not is_verbatim_part("hằng năm", "hàng năm")
    assert not is_verbatim_part("   ", "anything")


def test_content_hash_ignores_only_folding() -> None:
    assert content_hash("a  b\nc") == content_hash("a b c")
    assert content_hash("a b c") != content_hash("a b d")
    assert content_hash("x").startswith("sha256:")


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


def test_text_for_xml_shows_what_xml_cannot_carry() -> None:
    shown = xml_visible("Sở\x1b[31m Nội\x0c vụ\x07 \uffff\ufffe \u202e\nx\ty")
    assert shown == "Sở\\x1b[31m Nội\\x0c vụ\\x07 \\uffff\\ufffe \\u202e\nx\ty"
    assert xml_compatible(shown)
    assert not xml_compatible("\uffff")
    assert not xml_compatible("\x1b")
    assert xml_compatible("a\r\n\tb")


@given(st.text(st.characters(exclude_categories=())))  # lone surrogates too
def test_text_for_xml_is_always_xml(text: str) -> None:
    from xml.sax.saxutils import escape

    from lxml import etree  # python-docx's XML library

    etree.fromstring(f"<t>{escape(xml_visible(text))}</t>".encode())
