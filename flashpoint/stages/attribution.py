"""The `attribution` stage: who claims what, with the span of text each claim covers.

Finds "according to X" / "selon X", "X said/told/explains" / "X a déclaré"
(with a role appositive: "Mohamed X, a professor at Y, said"), the outlet a
source spoke to ("speaking to Sky News Arabia", "told Reuters"), and documents
("in a video", "according to the statement"). Each becomes a `Claim` whose kind is
outlet, named, anonymous, group or document; `covers` is the quoted text next to
the verb when there is one, else the sentence.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import ClassVar

from flashpoint.model import Claim, Document, Span
from flashpoint.pipeline import Stage
from flashpoint.stages.attribution_sources import (
    QUOTES,
    SourceClassifier,
    SourceLexicon,
    is_name,
    phrase_text,
    source_lexicon,
    span_of,
    strip_quotes,
)
from flashpoint.stages.phrase_lexicons import check_language
from flashpoint.stages.phrase_patterns import CLAUSE_BREAKS
from flashpoint.stages.phrase_tokens import Token, sentence_tokens

STOPS = CLAUSE_BREAKS | {".", "!", "?"}
MAX_SOURCE_TOKENS = 15
"""A source phrase longer than this is a clause, not a name or a description."""
MAX_SUBJECT_TOKENS = 8
MIN_QUOTE_TOKENS = 4
"""Shorter quoted text is a name ("Sky News Arabia"), not quoted speech."""


class _Sentence:
    """One sentence's tokens and the document around it."""

    def __init__(self, doc_text: str, span: Span, lexicon: SourceLexicon, classifier: SourceClassifier) -> None:
        self.text = doc_text
        self.span = span
        self.tokens = sentence_tokens(span.text_of(doc_text), span.start)
        self.lexicon = lexicon
        self.classifier = classifier

    def phrase_after(self, i: int) -> list[Token]:
        """Tokens from `i` to the next clause break, quotes kept (for "speaking to “X”")."""
        end = i
        while end < len(self.tokens) and self.tokens[end].text not in STOPS and end - i < MAX_SOURCE_TOKENS:
            end += 1
        return list(self.tokens[i:end])

    def segment_after(self, i: int) -> list[Token]:
        """The comma-delimited segment after the break at `i` (an appositive, perhaps)."""
        if i < len(self.tokens) and self.tokens[i].text == ",":
            return self.phrase_after(i + 1)
        return []

    def claim(
        self, source_tokens: Sequence[Token], verb: str, covers: Span, *, role: str | None = None
    ) -> Claim | None:
        source = self.classifier.classify(source_tokens, role=role)
        if source is None:
            return None
        return Claim(source.name, source.kind, source.span, covers, verb, source.role)


def find_claims(sentence: _Sentence) -> list[Claim]:
    """Every claim of one sentence, in order of their cue."""
    claims: list[Claim] = []
    cues = sentence.lexicon.cue_words
    i = 0
    while i < len(sentence.tokens):
        # Every reader below starts with a cue phrase: most tokens start none.
        if sentence.tokens[i].norm not in cues:
            i += 1
            continue
        found = _according_to(sentence, i) or _outlet(sentence, i) or _document(sentence, i) or _reporting(sentence, i)
        if found is None:
            i += 1
            continue
        claims += found[0]
        i = found[1]
    return claims


def _according_to(sentence: _Sentence, i: int) -> tuple[list[Claim], int] | None:
    """ "according to X", "selon X", "d'après X", with an appositive role or name after a comma."""
    marker = sentence.lexicon.source_after.match(sentence.tokens, i)
    if marker is None:
        return None
    phrase = sentence.phrase_after(i + marker[1])
    if not phrase:
        return None
    verb = phrase_text(sentence.text, sentence.tokens[i : i + marker[1]])
    appositive = strip_quotes(sentence.segment_after(i + marker[1] + len(phrase)))
    source_tokens: Sequence[Token] = phrase
    role: str | None = None
    if appositive and is_name(sentence.lexicon, appositive) and not is_name(sentence.lexicon, strip_quotes(phrase)):
        source_tokens, role = appositive, phrase_text(sentence.text, strip_quotes(phrase))
    elif appositive and appositive[0].norm in sentence.lexicon.role_starts:
        role = phrase_text(sentence.text, appositive)
    claim = sentence.claim(source_tokens, verb, sentence.span, role=role)
    return ([claim] if claim else []), i + marker[1] + len(phrase)


def _outlet(sentence: _Sentence, i: int) -> tuple[list[Claim], int] | None:
    """ "speaking to “Sky News Arabia”", "told Reuters", "a déclaré à l'AFP": the outlet is a claimant."""
    marker = sentence.lexicon.outlet_after.match(sentence.tokens, i)
    if marker is None:
        return None
    phrase = _outlet_phrase(sentence.phrase_after(i + marker[1]))
    quoted = bool(phrase) and phrase[0].text in QUOTES
    name = strip_quotes([t for t in phrase if t.norm not in ("the", "l'", "le", "la")])
    if quoted:
        closing = next((k for k in range(1, len(phrase)) if phrase[k].text in QUOTES), len(phrase))
        name = strip_quotes(phrase[: closing + 1])
    if not name:
        return None
    verb = phrase_text(sentence.text, sentence.tokens[i : i + marker[1]])
    outlet = sentence.classifier.classify(name)
    if outlet is None or outlet.kind not in ("outlet", "group"):
        if not quoted and not is_name(sentence.lexicon, name):
            return None
        outlet_name, kind, span = phrase_text(sentence.text, name), "outlet", span_of(name)
    else:
        outlet_name, kind, span = outlet.name, outlet.kind, outlet.span
    claims = [Claim(outlet_name, kind, span, sentence.span, verb)]
    # "X told Reuters": the marker is also a reporting verb whose subject is a claimant;
    # after a quote the subject follows the outlet ("», a déclaré à RFI Ahmed X").
    if sentence.lexicon.verbs.match(sentence.tokens, i):
        after_outlet = next((k for k, token in enumerate(sentence.tokens) if token.start >= span.end), None)
        subject = _reporting(sentence, i, inverted_from=after_outlet)
        said = subject[0] if subject else []
        if said:
            claims = said + [dataclasses.replace(claim, covers=said[0].covers) for claim in claims]
    return claims, i + marker[1] + len(phrase)


# An outlet's name ends before the clause it reports ("told our correspondent that ...").
_OUTLET_STOPS = frozenset({"that", "que", "qu'", "qu’", "about", "on", "in", "last", "when", "how", "what"})
_OUTLET_MAX_TOKENS = 6


def _outlet_phrase(phrase: list[Token]) -> list[Token]:
    """The outlet's words: up to a clause opener, at most a few tokens."""
    cut = next((k for k, token in enumerate(phrase) if token.norm in _OUTLET_STOPS), len(phrase))
    return phrase[: min(cut, _OUTLET_MAX_TOKENS)]


def _document(sentence: _Sentence, i: int) -> tuple[list[Claim], int] | None:
    """ "in a video", "in its statement", "dans un communiqué"."""
    intro = sentence.lexicon.document_intro.match(sentence.tokens, i)
    if intro is None:
        return None
    j = i + intro[1]
    if j >= len(sentence.tokens) or sentence.tokens[j].norm not in sentence.lexicon.documents:
        return None
    head = sentence.tokens[i + 1 : j + 1]
    intro_word = phrase_text(sentence.text, sentence.tokens[i : i + 1])
    claim = Claim(phrase_text(sentence.text, head), "document", span_of(head), sentence.span, intro_word)
    return [claim], j + 1


def _reporting(sentence: _Sentence, i: int, *, inverted_from: int | None = None) -> tuple[list[Claim], int] | None:
    """ "X said", "Bekai Ag Hamad, a founding member of Y, agrees", "“...”, said the source"."""
    verb = sentence.lexicon.verbs.match(sentence.tokens, i)
    if verb is None:
        return None
    end = i + verb[1]
    verb_text = phrase_text(sentence.text, sentence.tokens[i:end])
    covers = _quote_near(sentence, i, end) or sentence.span
    before_subject, before_role = _subject_before(sentence, i)
    named_before = 0 < len(before_subject) <= _MAX_SOURCE_BEFORE and (
        before_role is not None
        or is_name(sentence.lexicon, before_subject)
        or sentence.classifier.classify(before_subject) is not None
    )
    if _quote_before(sentence, i) is not None or (not named_before and _inverted_at_end(sentence, i, end)):
        # "“...”, said Amadou X, a local elder": the subject follows the verb.
        start = end if inverted_from is None else inverted_from
        subject = _trim(sentence, sentence.phrase_after(start))
        appositive = _trim(sentence, sentence.segment_after(start + len(subject)))
        starts_role = bool(appositive) and appositive[0].norm in sentence.lexicon.role_starts
        role = phrase_text(sentence.text, appositive) if starts_role else None
    else:
        subject, role = before_subject, before_role
    if not subject:
        return [], end
    claim = sentence.claim(subject[-MAX_SUBJECT_TOKENS:], verb_text, covers, role=role)
    return ([claim] if claim else []), end


# An inverted subject ("said the defence ministry") is a short noun phrase; a source named
# before its verb ("a source in the town, ..., says") is shorter than a whole clause.
_MAX_INVERTED_SUBJECT = 8
_MAX_SOURCE_BEFORE = 5


def _inverted_at_end(sentence: _Sentence, i: int, end: int) -> bool:
    """"..., said the defence ministry." / "..., a annoncé le ministère." / "..., said Amadou
    X, a researcher at Y.": after a comma, the verb's subject follows it and closes the
    sentence, with at most a role appositive after it."""
    if i == 0 or sentence.tokens[i - 1].text != ",":
        return False
    after = sentence.phrase_after(end)
    rest = sentence.tokens[end + len(after) :]
    short = 0 < len(after) <= _MAX_INVERTED_SUBJECT
    appositive = len(rest) > 1 and rest[0].text == "," and rest[1].norm in sentence.lexicon.role_starts
    return short and (appositive or all(not token.text[0].isalnum() for token in rest))


def _segments(tokens: Sequence[Token]) -> list[list[Token]]:
    """Tokens split at clause breaks and quotation marks."""
    segments: list[list[Token]] = [[]]
    for token in tokens:
        if token.text in STOPS or token.text in QUOTES:
            segments.append([])
        else:
            segments[-1].append(token)
    return segments


def _subject_before(sentence: _Sentence, i: int) -> tuple[list[Token], str | None]:
    """The subject of the verb at `i`, skipping appositives and relative clauses: (tokens, role)."""
    segments = _segments(sentence.tokens[:i])
    nearest = _trim(sentence, segments[-1])
    if nearest:
        return nearest, None
    lexicon = sentence.lexicon
    candidates = [
        trimmed
        for trimmed in (_trim(sentence, segment) for segment in reversed(segments[-4:-1]))
        if trimmed and trimmed[0].norm not in lexicon.relative_starts
    ]
    if not candidates:
        return [], None
    nearest = candidates[0]
    # "Bekai X, a founding member of Y, agrees": a role appositive after a name.
    if len(candidates) > 1 and nearest[0].norm in lexicon.role_starts and is_name(lexicon, candidates[1]):
        return candidates[1], phrase_text(sentence.text, nearest)
    return nearest, None


def _trim(sentence: _Sentence, tokens: Sequence[Token]) -> list[Token]:
    """Drop connectives and adverbs from both ends ("The source also" -> "The source")."""
    filler = sentence.lexicon.filler
    kept = list(tokens)
    while kept and kept[0].norm in filler:
        kept.pop(0)
    while kept and kept[-1].norm in filler:
        kept.pop()
    return kept


def _quote_before(sentence: _Sentence, i: int) -> Span | None:
    """The quotation that ends just before the verb ("“...”, said X")."""
    k = i - 1
    while k >= 0 and sentence.tokens[k].text in (",", ":"):
        k -= 1
    return _quote_ending(sentence, k) if k >= 0 and sentence.tokens[k].text in QUOTES else None


def _quote_near(sentence: _Sentence, i: int, end: int) -> Span | None:
    """Quoted speech right after the verb ("said: “...”") or right before it."""
    k = end
    while k < len(sentence.tokens) and sentence.tokens[k].norm in (",", ":", "that", "que", "qu'"):
        k += 1
    if k < len(sentence.tokens) and sentence.tokens[k].text in QUOTES:
        closing = next((j for j in range(k + 1, len(sentence.tokens)) if sentence.tokens[j].text in QUOTES), None)
        if closing is not None and closing - k - 1 >= MIN_QUOTE_TOKENS:
            return Span(sentence.tokens[k].start, sentence.tokens[closing].end)
    return _quote_before(sentence, i)


def _quote_ending(sentence: _Sentence, k: int) -> Span | None:
    opening = next((j for j in range(k - 1, -1, -1) if sentence.tokens[j].text in QUOTES), None)
    if opening is None or k - opening - 1 < MIN_QUOTE_TOKENS:
        return None
    return Span(sentence.tokens[opening].start, sentence.tokens[k].end)


def _name_fragment(sentence: _Sentence, previous: list[Claim], before: Span | None) -> list[Claim]:
    """ "... according to a professor at Y. Mohamed X." — a sentence that is only a name completes the claim."""
    name = strip_quotes(sentence.tokens)
    if not previous or before is None or not is_name(sentence.lexicon, name) or len(sentence.tokens) > len(name) + 1:
        return previous
    last = previous[-1]
    if last.kind != "anonymous" or before.end - last.span.end > 2:
        return previous
    source = phrase_text(sentence.text, name)
    named = dataclasses.replace(last, source=source, kind="named", span=span_of(name), role=last.source)
    return [*previous[:-1], named]


class AttributionStage(Stage):
    """Add `doc.claims`: each source (outlet, named, anonymous, group, document) and what it covers.

    Reads `doc.sentences`, `doc.lang`, `doc.actors` (an actor as subject makes a
    group claim) and `doc.entities` when present (PERSON/PER entities name people;
    without them capitalised names are used). `outlets` adds outlet names to the
    shipped list. Raises ConfigError for a language with no lexicon.

    Example: `AttributionStage(outlets=["Radio Kledu"])(doc).claims`.
    """

    name: ClassVar[str] = "attribution"
    requires: ClassVar[tuple[str, ...]] = ("sentences", "actors")
    assigns: ClassVar[tuple[str, ...]] = ("claims",)

    def __init__(self, *, outlets: Sequence[str] = ()) -> None:
        self.outlets = tuple(outlets)

    def __call__(self, doc: Document) -> Document:
        lexicon = source_lexicon(check_language(doc.lang or "en"), self.outlets)
        classifier = SourceClassifier(lexicon, doc.text, doc.entities, doc.actors)
        spans = [sentence.span for sentence in doc.sentences] or [Span(0, len(doc.text))]
        claims: list[Claim] = []
        previous: list[Claim] = []
        before: Span | None = None
        for span in spans:
            sentence = _Sentence(doc.text, span, lexicon, classifier)
            previous = _name_fragment(sentence, previous, before)
            claims += previous
            previous, before = find_claims(sentence), span
        claims += previous
        unique = list(dict.fromkeys(claims))
        return doc.with_layers(claims=tuple(unique))
