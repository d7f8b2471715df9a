"""Score the actors a surface form may name, in the context of one document.

A candidate starts from how well the text matched (1.0 exact, less for fuzzy),
then is weighed by context: whether the actor operates in the document's
countries (earlier-listed countries count more) and named regions, whether the
alias was in use on the date, and whether the actor existed then. Names shared
by several actors (`context: true`, e.g. "al-Nusra", "ISIS") count only where
the context fits. The best candidate wins only with a clear margin; otherwise
the mention stays unresolved, never forced onto a wrong actor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from flashpoint.kb.records import Actor, SurfaceForm

MIN_SCORE = 0.4  # below this the best candidate is not trusted
MARGIN = 0.05  # the winner must beat the runner-up by this much
SHARED_ALIAS_MISS = 0.35  # a shared name where the actor does not operate
PLAIN_ALIAS_MISS = 0.6  # an actor's own name outside its known countries (still that actor)
SHARED_ALIAS_NO_CONTEXT = 0.35  # a shared name with no country context is not enough on its own
REGION_ONLY = 0.95  # no country fits, but a named region does
REGION_MISS = 0.85  # regions are named, none of them the actor's
ALIAS_OUT_OF_DATE = 0.85  # the alias was not in use on the date
ACTOR_INACTIVE = 0.8  # the actor did not exist (under that id) on the date


@dataclass(frozen=True, slots=True)
class ResolveContext:
    """What a document tells about who it may mean: countries (most mentioned first), date, regions."""

    countries: tuple[str, ...] = ()
    date: dt.date | None = None
    regions: frozenset[str] = field(default_factory=frozenset)
    """Region keys (see `ActorKB.region_key`) named in the document."""


@dataclass(frozen=True, slots=True)
class Resolution:
    """The chosen actor (or None), its score, why, and every candidate with its score.

    `method` is alias, fuzzy, descriptor or unresolved.
    """

    actor: Actor | None
    score: float
    reasons: tuple[str, ...]
    candidates: tuple[tuple[str, float], ...]
    method: str = "alias"


def _place_factor(actor: Actor, form: SurfaceForm, ctx: ResolveContext, region_keys: frozenset[str]) -> tuple[float, str]:
    region_hit = bool(region_keys & ctx.regions)
    rank = next((i for i, code in enumerate(ctx.countries) if code in actor.countries), None)
    if not actor.countries:
        return 1.0, "not tied to a country"
    if rank is not None:
        code = ctx.countries[rank]
        factor = max(0.7, 1.0 - 0.08 * rank - 0.03 * actor.countries.index(code))
        if ctx.regions and not region_hit:
            factor *= REGION_MISS
        return factor, f"operates in {code}" + (" and a named region" if region_hit else "")
    if region_hit:
        return REGION_ONLY, "operates in a named region"
    if ctx.countries:
        factor = SHARED_ALIAS_MISS if form.context else PLAIN_ALIAS_MISS
        return factor, f"not known in {', '.join(ctx.countries[:3])}"
    if form.context:
        return SHARED_ALIAS_NO_CONTEXT, "shared name, no country context"
    return 1.0, "no country context"


def score_candidate(
    actor: Actor, form: SurfaceForm, ctx: ResolveContext, *, base: float = 1.0, region_keys: frozenset[str] = frozenset()
) -> tuple[float, list[str]]:
    """Score one (actor, form) pair in `ctx`; returns the score and the reasons."""
    factor, place_reason = _place_factor(actor, form, ctx, region_keys)
    score = base * factor
    reasons = [f"{form.kind} {form.text!r}" + (f" (match {base:.2f})" if base < 1.0 else ""), place_reason]
    if not form.valid_on(ctx.date):
        score *= ALIAS_OUT_OF_DATE
        reasons.append(f"alias not in use on {ctx.date}")
    if not actor.active_on(ctx.date):
        score *= ACTOR_INACTIVE
        reasons.append(f"actor not active on {ctx.date}")
    return round(score, 4), reasons


def choose(scored: Iterable[tuple[Actor, float, list[str]]], *, method: str) -> Resolution:
    """Pick the best actor if it clears MIN_SCORE and beats the runner-up by MARGIN."""
    best: dict[str, tuple[Actor, float, list[str]]] = {}
    for actor, score, reasons in scored:
        if actor.id not in best or score > best[actor.id][1]:
            best[actor.id] = (actor, score, reasons)
    ranked = sorted(best.values(), key=lambda item: (-item[1], item[0].rank, item[0].id))
    candidates = tuple((actor.id, score) for actor, score, _ in ranked)
    if not ranked:
        return Resolution(None, 0.0, ("no known name matches",), (), "unresolved")
    actor, score, reasons = ranked[0]
    chosen = f"{actor.id}: " + "; ".join(reasons)
    if score < MIN_SCORE:
        return Resolution(None, score, (chosen, f"best score {score:.2f} below {MIN_SCORE}"), candidates, "unresolved")
    if len(ranked) > 1 and score - ranked[1][1] < MARGIN:
        runner = ranked[1][0].id
        return Resolution(None, score, (chosen, f"ambiguous between {actor.id} and {runner}"), candidates, "unresolved")
    return Resolution(actor, score, (chosen,), candidates, method)
