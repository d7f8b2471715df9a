"""The actors stage: every actor mention of a document, resolved against the knowledge base.

Reads `text`, `sentences` (for coreference), `countries` and `published` (context
for shared names and ACLED's dated names); assigns `actors`, a tuple of
`ActorRef` in text order: named actors (exact, transliterated or fuzzy aliases),
descriptors ("the al-Qaeda affiliate"), coreference ("the group"), generic
phrases ("Malian soldiers", "villagers", "gunmen") and unresolved mentions
(`id=None`), never forced onto a wrong actor.

Example:
    >>> stage = ActorStage(ActorKB.load())
    >>> doc = stage(Document.from_text("JNIM fighters attacked Boni.").with_layers(countries=("ML",)))
    >>> [(ref.id, ref.text) for ref in doc.actors]
    [('jnim', 'JNIM')]
"""

from __future__ import annotations

from flashpoint.kb.actors import ActorKB
from flashpoint.kb.mentions import find_actor_mentions
from flashpoint.model import Document
from flashpoint.pipeline import Stage


class ActorStage(Stage):
    """Resolve actor mentions; the knowledge base is loaded and validated once, in `__init__`."""

    name = "actors"
    requires = ("sentences",)
    assigns = ("actors",)

    def __init__(self, kb: ActorKB | None = None) -> None:
        self.kb = kb if kb is not None else ActorKB.load()

    def __call__(self, doc: Document) -> Document:
        return doc.with_layers(actors=tuple(find_actor_mentions(self.kb, doc)))
