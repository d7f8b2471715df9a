"""CASE-format scoring on a hand-made TSV (our own sentences): labels, F1 arithmetic, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.errors import InputError
from flashpoint.evaluate.case import evaluate_case, format_case_report, read_case_tsv
from flashpoint.kb.trigger_lexicon import TriggerLexicon, load_trigger_lexicon

ROWS = [
    ("1", "Rebels and soldiers clashed near the border town.", "ARMED_CLASH"),
    ("2", "A drone strike hit a vehicle on the main road.", "AIR_STRIKE"),
    ("3", "Bandits kidnapped four passengers from a bus.", "ABDUCT_DISSAP"),
    ("4", "A magnitude 6 earthquake shook the coastal province.", "NATURAL_DISASTER"),
    # Gold says ARREST, the classifier finds an abduction: one error on purpose.
    ("5", "Gunmen abducted a local official at a checkpoint.", "ARREST"),
]


@pytest.fixture(scope="module")
def lexicon() -> TriggerLexicon:
    return load_trigger_lexicon(languages=("en",))


def _tsv(tmp_path: Path, rows: list[tuple[str, str, str]], header: str = "id\tEventSnippet\tSubType") -> Path:
    path = tmp_path / "case.tsv"
    path.write_text(header + "\n" + "".join(f"{a}\t{b}\t{c}\n" for a, b, c in rows), encoding="utf-8")
    return path


def test_case_report_scores_by_hand(tmp_path: Path, lexicon: TriggerLexicon) -> None:
    report = evaluate_case(_tsv(tmp_path, ROWS), lexicon=lexicon)
    assert (report["n"], report["n_acled"]) == (5, 4)
    per = report["per_class"]
    assert per["Armed clash"]["f1"] == 1.0 and per["Air/drone strike"]["f1"] == 1.0
    # Abduction: 1 right, 1 false positive (gold ARREST) -> P 0.5, R 1.0, F1 2/3.
    assert per["Abduction/forced disappearance"]["precision"] == pytest.approx(0.5)
    assert per["Abduction/forced disappearance"]["f1"] == pytest.approx(2 / 3)
    assert per["Arrests"]["recall"] == 0.0 and per["Arrests"]["support"] == 1
    # Weighted over the 4 ACLED gold snippets: (1 + 1 + 2/3 + 0) / 4.
    assert report["weighted_f1"] == pytest.approx((2 + 2 / 3) / 4)
    assert report["macro_f1"] == pytest.approx((2 + 2 / 3) / 4)
    assert report["accuracy"] == pytest.approx(4 / 5)
    # Every gold event got some event (no false alarm on the non-ACLED row): event F1 1.0;
    # of the 4 matched, 3 have the right sub-type.
    assert (report["event_f1"], report["matched"]) == (1.0, 4)
    assert report["sub_type_accuracy_matched"] == pytest.approx(3 / 4)
    assert report["confusion_top"] == [{"gold": "Arrests", "predicted": "Abduction/forced disappearance", "count": 1}]


def test_case_report_formats_every_class(tmp_path: Path, lexicon: TriggerLexicon) -> None:
    text = format_case_report(evaluate_case(_tsv(tmp_path, ROWS), lexicon=lexicon))
    assert "weighted F1 0.667" in text
    assert text.count("\n") > 25 and "PROPERTY_DISTRUCT" in text
    assert "Arrests -> Abduction/forced disappearance" in text


@pytest.mark.parametrize(
    ("rows", "header", "message"),
    [
        ([("1", "Some text.", "NOT_A_LABEL")], "id\tEventSnippet\tSubType", "unknown CASE label"),
        ([("1", "Some text.", "ARMED_CLASH")], "id\tText\tLabel", "header"),
    ],
)
def test_case_bad_file_is_an_input_error(
    tmp_path: Path, lexicon: TriggerLexicon, rows: list[tuple[str, str, str]], header: str, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        evaluate_case(_tsv(tmp_path, rows, header), lexicon=lexicon)


def test_case_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_case_tsv(tmp_path / "absent.tsv")


def test_case_row_with_missing_field(tmp_path: Path) -> None:
    path = tmp_path / "case.tsv"
    path.write_text("id\tEventSnippet\tSubType\n1\tonly two fields\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        read_case_tsv(path)


def test_case_report_scores_any_classifier_given(tmp_path: Path, lexicon: TriggerLexicon) -> None:
    """The fast-path benchmark codes the snippets with the whole pipeline: the same scoring applies."""
    seen: list[list[str]] = []

    def pipeline_like(snippets: list[str]) -> list[str | None]:
        seen.append(snippets)
        return ["Armed clash", None, "Abduction/forced disappearance", None, "Arrests"]

    report = evaluate_case(_tsv(tmp_path, ROWS), lexicon=lexicon, classify=pipeline_like)
    assert seen == [[snippet for _, snippet, _ in ROWS]]
    # Right on rows 1, 3 and 5, nothing on row 2 (a miss) and none on the disaster (right).
    assert report["weighted_f1"] == pytest.approx(3 / 4) and report["accuracy"] == pytest.approx(4 / 5)
    assert (report["event_f1"], report["matched"]) == (pytest.approx(2 * 3 / (3 + 4)), 3)
