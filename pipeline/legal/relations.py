"""Relations between legal documents: written once on the acting document, shown both ways.

A document records what it does to others (`amends`, `revokes`, `implements`); the inverse
(diubah dengan, dicabut dengan, peraturan pelaksana) and the status (berlaku, diubah, dicabut)
follow from those, so the two sides can never disagree.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

Status = Literal["berlaku", "diubah", "dicabut"]
RELATION_FIELDS = ("amends", "revokes", "implements")
INVERSE_LABELS = {
    "amends": ("Mengubah", "Diubah dengan"),
    "revokes": ("Mencabut", "Dicabut dengan"),
    "implements": ("Melaksanakan", "Peraturan pelaksana"),
}
"""Lembar Kerja labels of each relation: (on the acting document, on the document acted on)."""


@dataclass(frozen=True)
class Relations:
    """One document's relations in both directions, as keys in file order."""

    amends: tuple[str, ...] = ()
    revokes: tuple[str, ...] = ()
    implements: tuple[str, ...] = ()
    amended_by: tuple[str, ...] = ()
    revoked_by: tuple[str, ...] = ()
    implemented_by: tuple[str, ...] = ()

    def both_ways(self) -> list[tuple[str, tuple[str, ...]]]:
        """(Indonesian label, keys) for every non-empty relation, in Lembar Kerja order."""
        pairs = [
            (INVERSE_LABELS["amends"][0], self.amends),
            (INVERSE_LABELS["amends"][1], self.amended_by),
            (INVERSE_LABELS["revokes"][0], self.revokes),
            (INVERSE_LABELS["revokes"][1], self.revoked_by),
            (INVERSE_LABELS["implements"][0], self.implements),
            (INVERSE_LABELS["implements"][1], self.implemented_by),
        ]
        return [(label, keys) for label, keys in pairs if keys]


@dataclass
class _Building:
    forward: dict[str, list[str]] = field(default_factory=dict)
    inverse: dict[str, list[str]] = field(default_factory=dict)


def build(written: Mapping[str, Mapping[str, Sequence[str]]]) -> dict[str, Relations]:
    """Every key's relations both ways, from what each document wrote (`written[key][field]`)."""
    parts = {key: _Building() for key in written}
    for key, fields in written.items():
        for name in RELATION_FIELDS:
            targets = list(dict.fromkeys(fields.get(name, ())))
            parts[key].forward[name] = targets
            for target in targets:
                if target in parts:
                    parts[target].inverse.setdefault(name, []).append(key)
    return {
        key: Relations(
            amends=tuple(b.forward.get("amends", ())),
            revokes=tuple(b.forward.get("revokes", ())),
            implements=tuple(b.forward.get("implements", ())),
            amended_by=tuple(b.inverse.get("amends", ())),
            revoked_by=tuple(b.inverse.get("revokes", ())),
            implemented_by=tuple(b.inverse.get("implements", ())),
        )
        for key, b in parts.items()
    }


def derived_status(relations: Relations, declared: Status | None) -> Status:
    """dicabut when another document revokes it, diubah when one amends it; a declared `diubah`
    stands for amendments that are not in the registry (the four UUD 1945 amendments)."""
    if relations.revoked_by:
        return "dicabut"
    if relations.amended_by or declared == "diubah":
        return "diubah"
    return "berlaku"


def cycle_through(key: str, edges: Mapping[str, Iterable[str]]) -> list[str] | None:
    """The shortest chain of relations leading from `key` back to itself, if any (BFS)."""
    previous: dict[str, str] = {}
    queue = deque([key])
    while queue:
        current = queue.popleft()
        for following in edges.get(current, ()):
            if following == key and current != key:
                chain = [current]
                while chain[-1] != key:
                    chain.append(previous[chain[-1]])
                return [key, *reversed(chain[:-1]), key]
            if following not in previous and following != key and following in edges:
                previous[following] = current
                queue.append(following)
    return None
