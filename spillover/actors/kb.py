"""Actor knowledge base: countries, capitals, demonyms, people, organisations and role nouns.

The facts live in versioned TSV files shipped in ``spillover/data/actors`` (see the README there), so that
they can be reviewed, diffed and extended by users without touching code. This module only indexes the
entries read from them (:mod:`spillover.actors.kb_files` reads and checks the files,
:mod:`spillover.actors.entries` holds the entry types and the key they are indexed by) in dicts; it does
no matching in text (that is the job of the spaCy stage, which gets every surface string from
:meth:`ActorKB.surface_forms`).

Loading is explicit (:meth:`ActorKB.load`) and keeps no module-level state, so several knowledge bases with
different user files can coexist (e.g. in tests) and importing this module costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path

from spillover.actors.entries import KINDS, ActorEntry, RoleEntry, normalise
from spillover.actors.kb_files import read_entries

__all__ = ["ActorKB"]


class ActorKB:
    """Immutable, dict-indexed actor knowledge base.

    Build it with :meth:`load`; the constructor takes already-validated entries and is meant for tests or
    callers that assemble a KB programmatically.
    """

    def __init__(
        self,
        entries: Iterable[tuple[Sequence[str], ActorEntry]],
        countries: Mapping[str, str],
        roles: Iterable[RoleEntry] = (),
    ) -> None:
        """Index entries by every normalised surface form.

        Args:
            entries: Pairs of (surface strings as written, entry).
            countries: ISO alpha-3 code to country name.
            roles: Role-noun mappings.

        """
        self._index: dict[str, list[ActorEntry]] = {}
        self._surfaces: dict[tuple[str, str], None] = {}
        for surfaces, entry in entries:
            for surface in surfaces:
                key = normalise(surface)
                if not key:
                    continue
                bucket = self._index.setdefault(key, [])
                if entry not in bucket:
                    bucket.append(entry)
                self._surfaces[(surface, entry.kind)] = None
        self._countries: dict[str, str] = dict(countries)
        self._roles: dict[str, RoleEntry] = {}
        self._role_prefixes: list[tuple[str, RoleEntry]] = []
        for role in roles:
            key = normalise(role.pattern.removesuffix("*"))
            if role.pattern.endswith(" *"):
                self._role_prefixes.append((key + " ", role))
            else:
                self._roles[key] = role
        # Longest prefix first so "ministry of defence *" would beat "ministry of *".
        self._role_prefixes.sort(key=lambda item: -len(item[0]))

    @classmethod
    def load(cls, extra_paths: Sequence[Path] = ()) -> ActorKB:
        """Read the shipped data files, then the user's, and build the KB.

        User files have the same columns as a shipped file; their header row says which table they extend.
        A user row with the same key as an earlier row replaces it (country: ``iso3``; person: name, country,
        org, role and start; organisation: name; role: pattern), so a user can correct a fact without
        copying whole files. A directory stands for every ``*.tsv`` in it, in name order.

        Args:
            extra_paths: User TSV files or directories, applied in order after the shipped files.

        Returns:
            The loaded knowledge base.

        Raises:
            DataFileError: A file cannot be read or has a malformed row; the message starts with
                ``path:line:``.

        """
        entries, countries, roles = read_entries(extra_paths)
        return cls(entries, countries, roles)

    def lookup(self, surface: str, on: date | None = None) -> list[ActorEntry]:
        """Find every entry a surface string may refer to.

        Keys are compared after :func:`normalise`, so case, diacritics, a leading "the", a possessive and
        curly apostrophes do not matter. People are filtered by term because a name only codes as an office
        holder while in office: with ``on`` only those in office that day are kept; without it the current
        holders are preferred, falling back to past terms (latest first) when nobody current matches.

        Args:
            surface: Text such as ``"Erdogan"``, ``"the IRGC"`` or ``"Tehran's"``.
            on: Date of the event or document, if known.

        Returns:
            Matching entries, countries first, then demonyms, organisations, people (latest term first) and
            capitals; empty when nothing matches.

        """
        found = self._index.get(normalise(surface))
        if not found:
            return []
        people = [e for e in found if e.kind == "person"]
        others = [e for e in found if e.kind != "person"]
        if on is not None:
            people = [e for e in people if e.active_on(on)]
        elif people:
            current = [e for e in people if e.end is None]
            people = current or people
        people.sort(key=lambda e: (e.start or date.min, e.end or date.max), reverse=True)
        others.sort(key=lambda e: KINDS.index(e.kind))
        result = [e for e in others if e.kind != "capital"] + people
        result += [e for e in others if e.kind == "capital"]
        return result

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """Yield every (surface string, kind) pair, as written in the data files.

        Meant for building a spaCy ``PhraseMatcher``. Strings keep their original case because short
        all-capital acronyms ("US", "WHO", "IS"-like forms) must be matched case-sensitively to avoid
        pronouns and common words; longer names can be matched on ``LOWER``.

        Yields:
            Pairs such as ``("Azeri", "demonym")`` or ``("IRGC", "organisation")``, each once.

        """
        yield from self._surfaces

    def role_sector(self, noun: str) -> str | None:
        """Map a role noun or noun phrase to a sector.

        Tries the whole phrase, then drops leading words one at a time ("Iran's senior army commander" ->
        "army commander"), checking exact patterns before ``"... *"`` prefix patterns at each step, so the
        most specific listed phrase wins.

        Args:
            noun: A role noun such as ``"foreign minister"``, ``"rebels"`` or ``"ministry of health"``.

        Returns:
            The sector code, or None when no pattern matches.

        """
        words = normalise(noun).split()
        for i in range(len(words)):
            phrase = " ".join(words[i:])
            role = self._roles.get(phrase)
            if role is not None:
                return role.sector
            for prefix, prefixed in self._role_prefixes:
                if phrase.startswith(prefix):
                    return prefixed.sector
        return None

    def country_name(self, iso3: str) -> str:
        """Return the common English name of a country.

        The KB lists states only; other codes the geo stage may produce (territories such as ``GRL``) fall
        back to pycountry, imported lazily because most calls never need it.

        Args:
            iso3: ISO alpha-3 code (case-insensitive), e.g. ``"AZE"``.

        Returns:
            The name from ``countries.tsv`` (e.g. ``"Azerbaijan"``), else pycountry's common or short name.

        Raises:
            KeyError: Neither the KB nor ISO 3166 knows the code.

        """
        code = iso3.upper()
        name = self._countries.get(code)
        if name is not None:
            return name
        import pycountry

        country = pycountry.countries.get(alpha_3=code)
        if country is None:
            raise KeyError(iso3)
        return str(getattr(country, "common_name", None) or country.name)

    def country_codes(self) -> frozenset[str]:
        """Return every country code in the KB (so callers can validate codes without pycountry)."""
        return frozenset(self._countries)

    def __len__(self) -> int:
        """Return the number of distinct normalised surface keys."""
        return len(self._index)
