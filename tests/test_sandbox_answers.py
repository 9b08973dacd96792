"""The sandbox remembers which attributes are safe by the object's type and the name:
a remembered answer never makes an unsafe attribute safe on another type."""

from __future__ import annotations

from typing import Any

import pytest
from jinja2 import StrictUndefined
from jinja2.exceptions import SecurityError

from jdgen.templating import Sandbox


class Notes:
    """An ordinary object whose attributes happen to share names with list methods."""

    def __init__(self) -> None:
        self.append = "appended"
        self.clear = "cleared"
        self.mro = "mro of notes"


class Pretender(list[str]):
    """A list that says it is something else."""

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        return Notes


def render(env: Sandbox, source: str, **values: Any) -> str:
    return str(env.from_string(source).render(values))


@pytest.mark.parametrize(
    ("safe", "unsafe"),
    [
        ("{{ notes.append }}", "{{ items.append }}"),
        ("{{ notes.clear }}", "{{ table.clear }}"),
        ("{{ notes.mro }}", "{{ kind.mro }}"),
        ("{{ notes.append }}", "{{ pretender.append }}"),
    ],
)
def test_a_safe_answer_for_one_type_does_not_carry_to_another(safe: str, unsafe: str) -> None:
    env = Sandbox(undefined=StrictUndefined)
    values = {
        "notes": Notes(),
        "items": ["a"],
        "table": {"a": 1},
        "kind": str,
        "pretender": Pretender(),
    }
    for _ in range(2):  # the second time from what the sandbox remembers
        assert render(env, safe, **values) in ("appended", "cleared", "mro of notes")
        with pytest.raises(SecurityError):
            render(env, unsafe, **values)


def test_private_attributes_stay_private_when_asked_again() -> None:
    env = Sandbox(undefined=StrictUndefined)
    for _ in range(2):
        with pytest.raises(SecurityError):
            render(env, "{{ notes.__dict__ }}", notes=Notes())
        with pytest.raises(SecurityError):
            render(env, "{{ text.__class__ }}", text="x")
        assert render(env, "{{ text.upper() }}", text="x") == "X"
