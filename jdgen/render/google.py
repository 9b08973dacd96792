"""What Google for Jobs will reject in a posting's JobPosting, said before it is published.

Google's JobPosting guidelines require a hiring organization with a name, a
job location (``jobLocation``) unless the job is fully remote, and for a remote
job at least one place applicants may live (``applicantLocationRequirements``).
``jdgen generate`` prints these as one warning line when it writes HTML or
JSON-LD, so they are not found only by ``--lint`` or in Search Console.
"""

from __future__ import annotations

from jdgen.models import JobDescription

#: The formats whose output carries a JobPosting for Google.
JOBPOSTING_FORMATS = ("html", "jsonld")


def google_problems(jd: JobDescription) -> list[str]:
    """Each problem as a short phrase naming the company-file field that fixes it."""
    m = jd.metadata
    problems = []
    if not m.company_name:
        problems.append("no hiring organization name (name:)")
    if m.work_arrangement == "remote":
        if not m.remote_regions:
            problems.append("remote without remote regions (remote_regions: [US])")
    elif not any(loc.city or loc.region or loc.country for loc in m.locations):
        problems.append("no location (locations: [{city: Denver, region: CO, country: US}])")
    return problems


def google_warning(jd: JobDescription) -> str | None:
    """One line for stderr, or None when Google has nothing to reject."""
    problems = google_problems(jd)
    if not problems:
        return None
    return "warning: Google for Jobs will not show this posting: " + "; ".join(problems)
