"""schema.org ``JobPosting`` structured data (JSON-LD) for Google for Jobs.

:func:`job_posting` builds the JobPosting from a JobDescription and the HTML of
the posting body (the ``description``).  The HTML page embeds it in a
``<script type="application/ld+json">``; ``--format jsonld`` writes it alone,
taken from the same page render so that the two never disagree (see
:func:`jdgen.render.html.render_page` and :func:`jdgen.render.html.jsonld_bytes`).
This module is pure data: it renders nothing and imports no renderer.

Choices, following Google's JobPosting guidelines and schema.org:

* ``hiringOrganization`` is the company; a posting without a company name is an
  anonymous one, which Google asks to mark with the name ``confidential``.
* ``jobLocationType: TELECOMMUTE`` only for remote roles (Google: 100% remote),
  with ``applicantLocationRequirements`` from ``remote_regions`` and no
  ``jobLocation`` (the team's base is not where the job is done).  A region that
  is an ISO country (``US``, ``Canada``) is a ``Country``; a US state or other
  subdivision (``Colorado``, ``US-CO``, ``Ontario``) a ``State`` or
  ``AdministrativeArea``; anything else (``EU``) an ``AdministrativeArea``.
* ``identifier`` is the posting's ``requisition_id``; without one, a stable id
  derived from the role, title, company and locations.
* ``directApply`` is false: the page jdgen writes has no application form.  A
  template that adds one can say so: ``job_posting(description, directApply=true)``.
* ``occupationalCategory`` is left out: the catalog does not record an O*NET-SOC
  code per role, and a guessed code would be wrong for many of them.

Internal module: the public API is :mod:`jdgen` (``jdgen.__all__``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import lru_cache
from typing import Any

from jdgen.clock import today
from jdgen.models import JobDescription, Location, Section

CONTEXT = "https://schema.org/"

EMPLOYMENT_TYPES = {
    "full-time": "FULL_TIME",
    "part-time": "PART_TIME",
    "contract": "CONTRACTOR",
    "temporary": "TEMPORARY",
    "internship": "INTERN",
}

UNIT_TEXT = {"hour": "HOUR", "day": "DAY", "week": "WEEK", "month": "MONTH", "year": "YEAR"}

#: Region names that ISO 3166 spells differently.
COUNTRY_ALIASES = {"UK": "GB", "USA": "US"}


def posting_date(jd: JobDescription) -> dt.date:
    """``datePosted``: the company's date_posted, else SOURCE_DATE_EPOCH (reproducible builds), else today."""
    if jd.metadata.date_posted:
        return jd.metadata.date_posted
    return today()


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _drop_empty(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v not in (None, "", [], {})}


def _one_or_many(items: list[Any]) -> Any:
    return items[0] if len(items) == 1 else items or None


@lru_cache(maxsize=256)
def _country(text: str) -> Any:
    """The pycountry record for a country name or ISO code, or None."""
    import pycountry

    try:
        return pycountry.countries.lookup(COUNTRY_ALIASES.get(text.upper(), text))
    except LookupError:
        return None


def _country_name(country: Any) -> str:
    return str(getattr(country, "common_name", None) or country.name)


@lru_cache(maxsize=256)
def _area(text: str) -> tuple[tuple[str, Any], ...]:
    """An applicant location requirement: Country, State or AdministrativeArea."""
    import pycountry

    text = text.strip()
    country = _country(text)
    if country is not None:
        return (("@type", "Country"), ("name", _country_name(country)))
    try:
        sub = pycountry.subdivisions.lookup(text)
    except LookupError:
        return (("@type", "AdministrativeArea"), ("name", text))
    kind = "State" if sub.type == "State" else "AdministrativeArea"
    parent = pycountry.countries.get(alpha_2=sub.country_code)
    inside = {"@type": "Country", "name": _country_name(parent)} if parent else None
    return (("@type", kind), ("name", sub.name), ("containedInPlace", inside))


def _place(loc: Location) -> dict[str, Any]:
    country = _country(loc.country.strip()) if loc.country else None
    address = {
        "@type": "PostalAddress",
        "streetAddress": loc.street,
        "addressLocality": loc.city,
        "addressRegion": loc.region,
        "postalCode": loc.postal_code,
        "addressCountry": country.alpha_2 if country is not None else loc.country,
    }
    return {"@type": "Place", "address": _drop_empty(address)}


def _bullets(section: Section | None) -> list[str]:
    return [b.text for b in section.all_bullets()] if section else []


def _required(section: Section | None) -> list[str]:
    """The required qualifications: the ``required`` subsection, else the section's own
    bullets (never the preferred ones)."""
    if section is None:
        return []
    required = section.subsection("required")
    return required.bullet_texts if required else section.bullet_texts


def _education(jd: JobDescription) -> Any:
    """``educationRequirements``: the education level the catalog records for the role."""
    level = jd.metadata.education_level
    if level is None:
        return jd.metadata.education
    return {"@type": "EducationalOccupationalCredential", "credentialCategory": level}


def identifier_value(jd: JobDescription) -> str:
    """The requisition id, else a stable id from the facts that make this opening unique."""
    m = jd.metadata
    if m.requisition_id:
        return m.requisition_id
    facts = [m.role_id, jd.title, m.company_name or "", *(loc.label() for loc in m.locations)]
    digest = hashlib.sha256("\x1f".join(facts).encode("utf-8")).hexdigest()[:10]
    return f"{m.role_id}-{digest}"


def job_posting(jd: JobDescription, description: str, **overrides: Any) -> dict[str, Any]:
    """The schema.org JobPosting for ``jd``; ``description`` is the HTML of the posting body."""
    m = jd.metadata
    organization = m.company_name or "confidential"
    hiring = {"@type": "Organization", "name": organization}
    if m.company_name and m.website:
        hiring["sameAs"] = m.website

    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "JobPosting",
        "title": jd.title,
        "description": description.strip(),
        "identifier": {
            "@type": "PropertyValue",
            "name": organization,
            "value": identifier_value(jd),
        },
        "datePosted": posting_date(jd).isoformat(),
        "validThrough": m.valid_through.isoformat() if m.valid_through else None,
        "employmentType": EMPLOYMENT_TYPES[m.employment_type],
        "hiringOrganization": hiring,
    }
    if m.work_arrangement == "remote":
        data["jobLocationType"] = "TELECOMMUTE"
        areas = [dict(_area(r)) for r in m.remote_regions if r.strip()]
        data["applicantLocationRequirements"] = _one_or_many([_drop_empty(a) for a in areas])
    elif m.locations:
        data["jobLocation"] = _one_or_many([_place(loc) for loc in m.locations])
    if m.salary:
        s = m.salary
        value: dict[str, Any] = {"@type": "QuantitativeValue"}
        if s.min == s.max:
            value["value"] = _number(s.min)
        else:
            value["minValue"] = _number(s.min)
            value["maxValue"] = _number(s.max)
        value["unitText"] = UNIT_TEXT[s.period]
        data["baseSalary"] = {"@type": "MonetaryAmount", "currency": s.currency, "value": value}
    data["directApply"] = False

    about = jd.section("about-company")
    data.update(
        {
            "industry": m.industry_name if m.industry != "general" else None,
            "employerOverview": "\n\n".join(about.paragraphs) if about else None,
            "responsibilities": _bullets(jd.section("responsibilities")),
            "qualifications": _required(jd.section("qualifications")),
            "skills": _bullets(jd.section("skills")),
            "educationRequirements": _education(jd),
            "experienceRequirements": (
                {
                    "@type": "OccupationalExperienceRequirements",
                    "monthsOfExperience": m.experience_years * 12,
                }
                if m.experience_years
                else None
            ),
            "experienceInPlaceOfEducation": (
                True if m.education_level and m.experience_in_place_of_education else None
            ),
            "jobBenefits": _bullets(jd.section("compensation")) or m.benefits,
            "incentiveCompensation": m.incentive_compensation,
            "eligibilityToWorkRequirement": m.eligibility_to_work,
            "securityClearanceRequirement": m.security_clearance,
            # Only when the posting itself describes the physical demands.
            "physicalRequirement": (
                " ".join(m.physical_demands) if jd.section("work-environment") else None
            ),
        }
    )
    data.update(overrides)
    return _drop_empty(data)
