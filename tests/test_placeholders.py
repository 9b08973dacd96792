"""Catalog text filled without Jinja (jdgen.placeholders.filled) is what the sandbox
renders, and lint's messages with small conditions need no template engine."""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from jdgen.lint.rules import builtin_rules
from jdgen.placeholders import filled
from jdgen.templating import render_string

REPO = Path(__file__).resolve().parents[1]


def lint_texts() -> list[str]:
    """Every message of the built-in lint rules that has a tag in it."""
    rules = builtin_rules()
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str) and "{" in value:
            found.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)
        elif hasattr(value, "model_dump"):
            walk(value.model_dump())

    walk(rules.messages)
    walk(rules.pay)
    return found


#: Values of every kind a message may be given; each name gets each in turn.
SAMPLES: list[object] = [0, 1, 2, 47.25, True, False, "", "stem", None, [1], "a < b"]

KEYWORDS = {"if", "else", "endif", "upper"}


def value_sets(text: str) -> list[dict[str, object]]:
    """Values for the names in ``text``'s tags, in many combinations."""
    tags = " ".join(re.findall(r"\{[{%](.*?)[}%]\}", text))
    words = re.findall(r"(?<!['.\w])[A-Za-z_]\w*", re.sub(r"'[^']*'", "", tags))
    names = sorted(set(words) - KEYWORDS) or ["x"]
    sets = []
    for combo in itertools.islice(itertools.product(SAMPLES, repeat=len(names)), 400):
        values = dict(zip(names, combo, strict=True))
        sets.append(values)
    return sets


def sandbox(text: str, values: dict[str, object]) -> str | None:
    try:
        return render_string(text, values)
    except Exception:
        return None


@pytest.mark.parametrize("text", lint_texts())
def test_lint_messages_are_filled_as_the_sandbox_fills_them(text: str) -> None:
    for values in value_sets(text):
        ours = filled(text, values)
        if ours is not None:
            assert ours == sandbox(text, values), values


CASES = [
    "a{{ 's' if n > 1 else '' }}b",
    "{% if n %}yes{% else %}no{% endif %}",
    "{% if n >= 2 %}{% if m %}both{% else %}n{% endif %}{% endif %}.",
    "x {%- if n %} y{% endif %}",
    "{% if n -%}   y   {%- endif %}!",
    "{{ n }} and {{- m }} and {{ 'q' if m == 'stem' else \"r\" }}",
    "{% if n != 0 %}{{ n }}{% else %}none{% endif %}\nline two",
    "  {% if n %}lstrip_blocks{% endif %}",
    "{% if n %}\ntrim_blocks{% endif %}",
    "{% if n %}a{% elif m %}b{% endif %}",
    "{% if n %}a{% else %}b{% else %}c{% endif %}",
    "{% if n %}unclosed",
    "{% endif %}",
    "{{ n if m }}",
    "{{ 'a' if n < 'b' else 'c' }}",
    "{{ missing }}",
    "{{ n + 1 }}",
    "{# a comment #}{{ n }}",
    "{{ '}}' }}",
    "{{ 007 }} {{ 10 }}",
    "{% for i in range(n) %}{{ i }}{% endfor %}",
    "{% if not n %}x{% endif %}",
    "{% if none %}x{% endif %}",
    "{{ 'a\\'b' if n else '' }}",
    "{%+ if n %}x{% endif %}",
]


#: Catalog sentences: dict items in tests and outputs, braces that start no tag.
DOTTED_CASES = [
    "{% if c.us %}HIPAA rules{% else %}{{ c.laws }} for health data{% endif %}",
    "our {{ v.sites }}{% if n %} in {{ n }}{% endif %}",
    "{{ v.site if c.us else 'site' }}",
    "{% if c.us == v.site %}same{% endif %}",
    "{% if c.items %}a dict method{% endif %}",
    "{% if c.missing %}x{% endif %}",
    "{% if c.us.deep %}x{% endif %}",
    "{% if loop.index %}x{% endif %}",
    "set it: {bonus: …, equity: …} in {{ v.site }}{% if n %}!{% endif %}",
    "{n} {{ n }}{% if n %}{m}{% endif %}",
    "{{{ n }}{% if n %}x{% endif %}",
    "a {{% if n %}x{% endif %}",
    "{% if n %}x{% endif %}{",
    "}} {% if n %}x{% endif %} %}",
    "{#{% if n %}x{% endif %}",
    "{% if n %}{{ n }{% endif %}",
]


@pytest.mark.parametrize("text", DOTTED_CASES)
def test_dict_items_and_stray_braces_are_the_sandboxs_or_left_to_it(text: str) -> None:
    for us, laws, n in itertools.product([True, False, 0, "", "x", None], ["GDPR", 3], [0, "Ohio"]):
        values = {"c": {"us": us, "laws": laws}, "v": {"site": "plant", "sites": "plants"}, "n": n}
        ours = filled(text, values)
        if ours is not None:
            assert ours == sandbox(text, values), values
    assert filled(DOTTED_CASES[0], {"c": {"us": False, "laws": "GDPR"}}) == "GDPR for health data"
    assert filled(DOTTED_CASES[8], {"v": {"site": "plant"}, "n": 1}) == (
        "set it: {bonus: …, equity: …} in plant!"
    )


@pytest.mark.parametrize("text", CASES)
def test_small_conditions_are_the_sandboxs_or_left_to_it(text: str) -> None:
    for n, m in itertools.product([0, 1, 2, "x", 1.5, None, True], [0, "", "stem", [1]]):
        values = {"n": n, "m": m}
        ours = filled(text, values)
        if ours is not None:
            assert ours == sandbox(text, values), values


def test_the_small_conditions_are_read_without_jinja() -> None:
    assert filled("word{{ 's' if forms > 1 else '' }}", {"forms": 2}) == "words"
    assert filled("{% if hard %}hard{% else %}easy{% endif %}", {"hard": False}) == "easy"
    assert filled("x {%- if n %} y{% endif %}", {"n": 1}) == "x y"
    assert filled("{{ missing }}", {}) is None
    assert filled("{{ n | upper }}", {"n": "a"}) is None


def test_linting_a_posting_loads_no_template_engine(tmp_path: Path) -> None:
    posting = tmp_path / "p.txt"
    posting.write_text(
        "Operations Manager\n\nWe want a competitive, assertive leader to drive the team. "
        "Our support staff are warm and collaborative.\n" * 3
    )
    code = (
        "import sys\n"
        "from jdgen.cli import main\n"
        f"sys.argv = ['jdgen', 'lint', {str(posting)!r}]\n"
        "try:\n    main()\n"
        "except SystemExit:\n    pass\n"
        "print('jinja2' in sys.modules, file=sys.stderr)\n"
    )
    env = {**os.environ, "JDGEN_CACHE_DIR": str(tmp_path / "cache")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert "Gender-coded wording" in done.stdout
    assert "coded word" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "False", done.stderr
