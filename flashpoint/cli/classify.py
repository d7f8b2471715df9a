"""`flashpoint classify`: the ACLED sub-type of a snippet and the trigger that carries it."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from flashpoint.errors import InputError

EXAMPLE = """Example:

    flashpoint classify "Warplanes bombed the village of X, killing six civilians."
    echo "La police a dispersé les manifestants au gaz lacrymogène." | flashpoint classify - --lang fr
"""


def classify_snippet(text: str, *, lang: str, as_json: bool) -> str:
    """One line (or a JSON object): event type, sub-type, trigger text and span, or 'no conflict event'."""
    from flashpoint.kb.trigger_lexicon import load_trigger_lexicon
    from flashpoint.stages.triggers import explain_text

    result = explain_text(text, lang=lang, lexicon=load_trigger_lexicon())
    if as_json:
        if result is None:
            return json.dumps({"event_type": None, "sub_event_type": None, "trigger": None})
        trigger = {"text": result.trigger.text, "span": result.trigger.span.to_list(), "score": result.trigger.score}
        payload = {
            "event_type": result.event_type,
            "sub_event_type": result.sub_event_type,
            "trigger": trigger,
            "rule": result.rule,
            "scores": {sub: round(score, 3) for sub, score in sorted(result.scores.items(), key=lambda kv: -kv[1])},
        }
        return json.dumps(payload, ensure_ascii=False)
    if result is None:
        return "no conflict event"
    span = result.trigger.span
    rule = f" (rule: {result.rule})" if result.rule else ""
    return f"{result.event_type} / {result.sub_event_type}\ttrigger {result.trigger.text!r} [{span.start}:{span.end}]{rule}"


def register(app: typer.Typer) -> None:
    """Add the `classify` command."""

    @app.command("classify", help="Print the ACLED sub-type of TEXT (or '-' for stdin) and its trigger.\n\n" + EXAMPLE)
    def classify(
        text: Annotated[str, typer.Argument(help="The snippet, or '-' to read it from stdin.")],
        lang: Annotated[str, typer.Option("--lang", help="Language of the text: en or fr.")] = "en",
        as_json: Annotated[bool, typer.Option("--json", help="Print a JSON object with the scores.")] = False,
    ) -> None:
        snippet = sys.stdin.read() if text == "-" else text
        if not snippet.strip():
            raise InputError("empty text: give a snippet or pipe one to '-'", field="text")
        typer.echo(classify_snippet(snippet, lang=lang, as_json=as_json))
