"""Catalog text filled without Jinja (plain ``{{ name }}`` placeholders) reads exactly as
the sandbox renders it: every catalog text, edge cases, and random texts."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from jdgen.catalog import builtin_catalog, sample_values
from jdgen.errors import TemplateError
from jdgen.resources import data_dir
from jdgen.templating import TEMPLATE_ERRORS, environment, render_string
from jdgen.yamlfile import load


def by_jinja(text: str, values: dict[str, Any]) -> tuple[str, str]:
    try:
        return ("ok", str(environment().from_string(text).render(values)))
    except TEMPLATE_ERRORS:
        return ("error", "")


def by_render_string(text: str, values: dict[str, Any]) -> tuple[str, str]:
    try:
        return ("ok", render_string(text, values))
    except TemplateError:
        return ("error", "")


def catalog_texts() -> list[str]:
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str) and "{" in node:
            found.append(node)
        elif isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for path in sorted(data_dir("catalog").rglob("*.yaml")):
        walk(load(path, str(path)))
    return found


def test_every_catalog_text_fills_as_jinja_renders_it() -> None:
    cat = builtin_catalog()
    texts = catalog_texts()
    assert len(texts) > 100
    for size in cat.sizes.values():
        values: dict[str, Any] = sample_values(cat, "Director of Operations", size)
        for text in texts:
            names = re.findall(r"\{\{ ?([A-Za-z_]\w*)", text)
            extra = {n: f"<{n} value>" for n in names if n not in values}
            filled = {**values, **extra, "n": 2}
            assert by_render_string(text, filled) == by_jinja(text, filled), text


VALUES: dict[str, Any] = {
    "title": "Director of Operations",
    "vocab": {"site": "plant", "items": "x", "nested": {"deep": "value"}},
    "none": "shadowed",
    "true": "shadowed",
    "self": "shadowed",
    "number": 3,
    "ratio": 0.5,
    "flag": True,
    "nothing": None,
    "listed": ["a", "b"],
    "marked": Markup("<b>bold</b>"),
    "company": "Acme & Sons {{ title }}",
}


@pytest.mark.parametrize(
    "text",
    [
        "{{ title }} at our {{ vocab.site }}",
        "{{title}}",
        "{{ vocab.nested.deep }}",
        "{{ vocab.items }}",  # a dict method, not the key
        "{{ vocab.missing }}",
        "{{ missing }}",
        "{{ none }} {{ true }} {{ self }}",
        "{{ number }} {{ ratio }} {{ flag }} {{ nothing }} {{ listed }} {{ marked }}",
        "{{ company }}",  # a value is not rendered again
        "line one\r\nline two {{ title }}\r\n",
        "{{{ title }}}",
        "{ {{ title }} }",
        "{{ title }} {% if number %}many{% endif %}",
        "{{ title | upper }}",
        "{{- title -}}  ",
        "{{  title  }}",
        "{{ range }}",
        "{# note #}{{ title }}",
    ],
)
def test_edge_cases_fill_as_jinja_renders_them(text: str) -> None:
    assert by_render_string(text, VALUES) == by_jinja(text, VALUES)


def test_a_missing_name_is_still_a_template_error() -> None:
    with pytest.raises(TemplateError, match="catalog text"):
        render_string("Lead the {{ vocab.sitez }} team", VALUES)


def test_output_past_the_limit_is_still_refused() -> None:
    with pytest.raises(TemplateError, match="template limits"):
        render_string("{{ big }}" * 30, {"big": "x" * 1_000_000})


FRAGMENTS = ["{{ ", "{{", " }}", "}}", "{", "}", "title", "vocab", ".", "site", "items"]
FRAGMENTS += ["none", "nothing", "number", " ", "\r\n", "\n", "{%", "%}", "{#", "#}", "-", "|"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12))
def test_random_texts_fill_as_jinja_renders_them(fragments: list[str]) -> None:
    text = "".join(fragments)
    if "{" not in text:  # no placeholder: the text as written, not even newlines changed
        assert render_string(text, VALUES) == text
    else:
        assert by_render_string(text, VALUES) == by_jinja(text, VALUES)


def test_a_team_size_is_filled_without_the_sandbox() -> None:
    """``{{ team(10, 30) }}`` in a role's team line (capped at a share of the headcount)
    needs no template engine, and reads as the sandbox would write it."""
    from jdgen.catalog import TeamSpan
    from jdgen.placeholders import filled
    from jdgen.templating import render_string

    texts = [
        "the managers who run each area, {{ team(10, 30) }} people in all",
        "{{ team(1, 3, 'analyst', 'analysts') }} and a CRM administrator",
    ]
    for text in texts:
        for people in (3, 20, 40, 99, 400):
            values = {"team": TeamSpan(people, (20, 99))}
            assert filled(text, values) == render_string(text, values)
        assert filled(text, {"team": "a string"}) is None
    said = filled(texts[1], {"team": TeamSpan(20, (20, 99))})
    assert said == "an analyst and a CRM administrator"
