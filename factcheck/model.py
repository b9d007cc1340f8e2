"""The values the extractor returns: claims with exact character spans into the article."""

from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass(slots=True)
class Claim:
    """One attributed statement: who said what, how, with spans into the article text.

    `speaker` is the fullest name the article gives and `speaker_span` where that name stands,
    so text[start:end] == speaker; `mention` is where this claim names (or re-names) them.

    `content_span` gives `content` back, except for a quotation the cue splits ('"A," he said,
    "B."'): one report, so one claim, whose `content_parts` are the exact spans of its pieces,
    `content` those pieces joined by a space and `content_span` the stretch from the first
    to the last. A content in one piece has no parts.
    """

    cue: str
    cue_span: Span
    content: str
    content_span: Span
    lang: str
    content_parts: tuple[Span, ...] = ()
    speaker: str | None = None
    speaker_span: Span | None = None
    role: str | None = None
    speaker_kind: str | None = None  # "person", "body", or "role" (a title with no name)
    mention: str | None = None
    mention_span: Span | None = None
    listener: str | None = None
    listener_span: Span | None = None
    direct: bool = False
    negated: bool = False
    modality: str = "assertion"
    context: str | None = None
    context_span: Span | None = None
    sentence_span: Span = (0, 0)
    gender: str | None = field(default=None, repr=False)

    def to_dict(self) -> dict:
        """The JSON contract of `claims extract --json`."""
        return {
            "speaker": {
                "name": self.speaker,
                "role": self.role,
                "kind": self.speaker_kind,
                "span": _span(self.speaker_span),
                "mention": (
                    {"text": self.mention, "span": _span(self.mention_span)}
                    if self.mention
                    else None
                ),
            },
            "cue": {"text": self.cue, "span": list(self.cue_span)},
            "content": self._content_dict(),
            "direct": self.direct,
            "negated": self.negated,
            "modality": self.modality,
            "context": self.context,
            "context_span": _span(self.context_span),
            "listener": (
                {"text": self.listener, "span": _span(self.listener_span)}
                if self.listener
                else None
            ),
            "sentence_span": list(self.sentence_span),
            "lang": self.lang,
        }

    def _content_dict(self) -> dict:
        out: dict = {"text": self.content, "span": list(self.content_span)}
        if self.content_parts:  # only a split quotation has them: other claims keep their shape
            out["parts"] = [list(p) for p in self.content_parts]
        return out


def _span(span: Span | None) -> list[int] | None:
    return list(span) if span is not None else None
