"""The seats a company has, and who reports to whom: one org chart per company.

Pure functions of catalog data, used by :mod:`jdgen.tailor` for the reporting line and
the career steps of a posting, so that every posting for one company names the same
bosses (and :mod:`jdgen.compare`, which reads the postings, names them too):

* a seat the company's industry or business model has no use for goes to the role
  that holds it (``seat_holders``: a bank's VP of Supply Chain is its VP of Operations);
* a role may name several bosses for a size, first choice first: the first that is a
  seat here is its boss (the Director of Logistics reports to the VP of Logistics
  where the company has one, else to the VP of Operations);
* a catalog role below its own ``min_headcount`` is a seat the company does not have
  yet: a reporting line to it goes one step up, to whom that role would report (a
  Process Improvement Manager at 120 people reports to the VP of Operations, not to a
  Director of Continuous Improvement, a title usual from 250).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from jdgen.models import CompanySize, Role, pick


def refs(value: str | list[str]) -> list[str]:
    """A ``reports_to`` value as a list of bosses, first choice first."""
    return [value] if isinstance(value, str) else list(value)


def own_bosses(role: Role, size: CompanySize, size_keys: tuple[str, ...]) -> list[str]:
    """The bosses the role names for this size, first choice first: its own value for the
    band, else the band's boss for every role (the start-up's founder), else its value
    for a fallback band."""
    own = role.reports_to
    value = own.get(size.id) or size.reports_to or pick(own, size_keys)
    assert value  # the catalog check guarantees a value for every size
    return refs(value)


def held(ref: str, holders: Mapping[str, str], role_id: str | None = None) -> str:
    """``ref``, or the role that holds its seat where the company has no such seat."""
    for _ in range(len(holders)):
        holder = holders.get(ref)
        if holder is None or holder == role_id:
            break
        ref = holder
    return ref


def has_seat(ref: str, roles: Mapping[str, Role], people: int, holders: Mapping[str, str]) -> bool:
    """Does a company of ``people`` have this seat?  A title outside the catalog: yes."""
    role = roles.get(ref)
    return ref not in holders and (role is None or role.min_headcount <= people)


@dataclass(frozen=True)
class Chart:
    """What a company's org chart follows from: its catalog roles, size band and headcount,
    and the seats its industry and business model give to other roles."""

    roles: Mapping[str, Role]
    size: CompanySize
    size_keys: tuple[str, ...]
    people: int
    holders: Mapping[str, str]

    def has_seat(self, ref: str) -> bool:
        return has_seat(ref, self.roles, self.people, self.holders)

    def first_seat(self, role: Role) -> str:
        """The first boss the role names for this size that is a seat here, each held by
        its holder; the last named where none is."""
        refs = [held(r, self.holders, role.id) for r in own_bosses(role, self.size, self.size_keys)]
        return next((r for r in refs if self.has_seat(r)), refs[-1])

    def boss(self, role: Role) -> str:
        """Whom ``role`` reports to: its first named boss that is a seat here, else one step
        up from the last, while that is a seat the company does not have."""
        ref = self.first_seat(role)
        seen = {role.id}
        while ref not in seen and not self.has_seat(ref):
            seen.add(ref)
            up = self.first_seat(self.roles[ref])
            if up == role.id:
                break
            ref = up
        return ref
