"""Honesty checks on the bundled rule packs: they say what the law says, all of it, and nothing more.

The loader already refuses a pack that fails these; the tests state them once more, over the real
packs, so that a reviewer can read what is guaranteed.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from msgspec.structs import replace

from dancoso_rules.evaluation import evaluate
from dancoso_rules.load.coverage import pack_coverage
from dancoso_rules.load.wording import force_word_problem, time_word_problem
from dancoso_rules.model import Rulebook
from dancoso_rules.record.model import ActivityRecord
from dancoso_rules.text import fold, is_verbatim_part

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
PACKS = ("tra-vinh-2024", "long-an-2025")


def test_both_instruments_are_bundled(rulebook: Rulebook) -> None:
    assert sorted(rulebook.pack_by_id) == sorted(PACKS)


@pytest.mark.parametrize(("pack", "seed"), [("tra-vinh-2024", "000_"), ("long-an-2025", "004_")])
def test_source_text_is_the_seed_byte_for_byte(pack: str, seed: str) -> None:
    seeds = sorted(SEEDS.glob(f"{seed}*.txt"))
    if not seeds:
        pytest.skip("the shared seeds are not beside this checkout")
    assert (REPO / "rules" / pack / "source.txt").read_bytes() == seeds[0].read_bytes()


def test_every_provision_and_quote_is_verbatim(rulebook: Rulebook) -> None:
    checked = 0
    for pack in rulebook.packs:
        for provision in pack.provisions:
            parts = [words for words in (provision.heading, provision.text) if words]
            for words in parts:
                assert is_verbatim_part(words, pack.source_text), provision.id
            for obligation in provision.obligations:
                assert any(is_verbatim_part(obligation.quote, words) for words in parts), obligation.id
                assert is_verbatim_part(obligation.quote, pack.source_text)
                checked += 1
    assert checked > 60


@pytest.mark.parametrize("pack_id", PACKS)
def test_every_unit_of_the_source_is_covered(rulebook: Rulebook, pack_id: str) -> None:
    coverage = pack_coverage(rulebook.pack_by_id[pack_id])
    assert coverage.gaps == []
    assert coverage.extra == []
    assert coverage.covered == coverage.total == len(rulebook.pack_by_id[pack_id].provisions)


def test_measures_are_all_there(rulebook: Rulebook) -> None:
    tra_vinh = rulebook.pack_by_id["tra-vinh-2024"].provision_by_id
    long_an = rulebook.pack_by_id["long-an-2025"].provision_by_id
    assert sum(1 for p in tra_vinh if p.startswith("art_2__cl_") and "__pt_" in p) == 23
    assert sum(1 for p in long_an if p.startswith("art_1__cl_5__") and "__ind_" in p) == 26
    for provision_id, provision in {**tra_vinh, **long_an}.items():
        if "__pt_" in provision_id and (provision_id.startswith("art_2__") or "__ind_" in provision_id):
            assert provision.obligations, f"{provision_id} is a measure and must impose something"


def test_several_duties_in_one_point_are_several_obligations(rulebook: Rulebook) -> None:
    point = rulebook.pack_by_id["tra-vinh-2024"].provision_by_id["art_2__cl_3__pt_d"]
    activities = {o.activity for o in point.obligations}
    assert len(point.obligations) >= 5
    assert "staff_conference" in activities


def test_the_same_act_has_the_same_activity_type_in_both_packs(rulebook: Rulebook) -> None:
    tra_vinh = rulebook.pack_by_id["tra-vinh-2024"].provision_by_id["art_2__cl_3__pt_d"]
    long_an = rulebook.pack_by_id["long-an-2025"].provision_by_id["art_1__cl_5__pt_c__ind_4"]
    assert {o.activity for o in tra_vinh.obligations} & {o.activity for o in long_an.obligations} >= {
        "staff_conference"
    }


def test_time_and_force_words_agree_with_schedules_and_modalities(rulebook: Rulebook) -> None:
    for placed in rulebook.obligations():
        assert time_word_problem(placed.obligation) is None, placed.uid
        assert force_word_problem(placed.obligation) is None, placed.uid
        if fold(placed.obligation.quote).lower().startswith("đề nghị"):
            assert placed.obligation.modality.value == "request"


def test_the_request_to_the_fatherland_front_is_a_request(rulebook: Rulebook) -> None:
    clause = rulebook.pack_by_id["tra-vinh-2024"].provision_by_id["art_4__cl_2"]
    assert {o.modality.value for o in clause.obligations} == {"request"}
    assert any("fatherland_front" in o.bearers for o in clause.obligations)


def test_a_duty_held_as_delegated_binds_only_an_agency_that_declares_the_delegation(
    rulebook: Rulebook,
) -> None:
    """ "Theo phân cấp": other law says which agency manages village covenants; the record declares it."""
    uid = "tra-vinh-2024.art_2__cl_3__pt_d.village-covenants"
    [placed] = [p for p in rulebook.obligations() if p.uid == uid]
    assert placed.obligation.quote.startswith("theo phân cấp")
    assert placed.obligation.bearers == ("covenant_management_body",)

    def status(functions: list[str]) -> tuple[str, str | None]:
        record = ActivityRecord.model_validate(
            {
                "organisation": {
                    "id": "so-x",
                    "name": "Sở X",
                    "kind": "provincial_department",
                    "level": "province",
                    "territory": "tra-vinh",
                    "functions": functions,
                },
                "period": {"start": "2025-01-01", "end": "2025-12-31"},
            }
        )
        [result] = [
            r
            for r in evaluate(record, packs=rulebook, as_of=dt.date(2026, 1, 15)).results
            if r.obligation == uid
        ]
        return result.status.value, result.reason and result.reason.code

    assert status([]) == ("not_applicable", "not_bearer")
    assert status(["covenant_management_body"]) == ("unverified", None)


def test_study_is_a_duty_to_study(rulebook: Rulebook) -> None:
    dash = rulebook.pack_by_id["long-an-2025"].provision_by_id["art_1__cl_5__pt_d__ind_5"]
    assert {o.modality.value for o in dash.obligations} == {"study"}


def test_numbers_the_text_leaves_blank_are_not_invented(rulebook: Rulebook) -> None:
    assert rulebook.pack_by_id["tra-vinh-2024"].instrument.number is None
    long_an = rulebook.pack_by_id["long-an-2025"].instrument
    assert long_an.number is None
    assert long_an.adopted is None
    assert long_an.implements is not None
    assert long_an.implements.number == "33/2024/NQ-HĐND"


def test_known_errata_are_kept_verbatim_and_listed(rulebook: Rulebook) -> None:
    errata = {e.reads: e.should_read for p in rulebook.packs for e in p.instrument.errata}
    assert any("đề đội ngũ" in reads and "để đội ngũ" in errata[reads] for reads in errata)
    assert any("Công Thông tin điện tử tỉnh" in reads for reads in errata)


def test_every_interpretation_is_labelled_with_its_basis(rulebook: Rulebook) -> None:
    used = {i for placed in rulebook.obligations() for i in placed.obligation.interpretation_ids()}
    table = rulebook.interpretation_by_id
    assert used <= set(table)
    for interpretation in table.values():
        if interpretation.basis == "legal_source":
            assert interpretation.source
    deadline = table["staff-conference-deadline"]
    assert (deadline.basis, deadline.value) == ("legal_source", "P3M")
    assert "Điều 51" in (deadline.source or "")


def test_rule_files_are_nfc() -> None:
    for path in sorted((REPO / "rules").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert text == unicodedata.normalize("NFC", text), path.name


def test_published_obligation_ids_never_disappear(rulebook: Rulebook) -> None:
    """Obligation ids are published; ``tests/fixtures/published-obligations.txt`` lists them.

    After adding obligations, append their ids with::

        python -m dancoso_rules rules list --format ids >> tests/fixtures/published-obligations.txt
    """
    published = (Path(__file__).parent / "fixtures" / "published-obligations.txt").read_text(encoding="utf-8")
    missing = set(published.split()) - set(rulebook.obligation_by_uid)
    assert not missing, f"published obligation ids were removed or renamed: {sorted(missing)}"


def test_a_continuing_effort_read_as_qualitative_must_say_why(rulebook: Rulebook) -> None:
    """'Thường xuyên' may be a continuing effort (qualitative), but only with a note saying so: a regular act is
    never quietly made unverifiable."""
    placed = next(p for p in rulebook.obligations() if p.uid.endswith("inspection-board-consolidation"))
    assert placed.obligation.schedule.kind == "qualitative"
    assert time_word_problem(placed.obligation) is None
    without = replace(placed.obligation, note=None)
    assert "a note must say why" in (time_word_problem(without) or "")
