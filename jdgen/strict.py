"""The base of every jdgen model: :class:`Strict` (unknown fields are errors).

In a module of its own so that code with a few models of its own (lint's rules and
reports) builds no other: :mod:`jdgen.models` defines some fifty classes, and a cold
``jdgen lint`` of a file needs none of them.

Internal module: the public API is :mod:`jdgen` (``jdgen.__all__``).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Base for every model: unknown fields are errors."""

    model_config = ConfigDict(extra="forbid", defer_build=True, allow_inf_nan=False)

    @classmethod
    def trusted(cls: type[S], **values: Any) -> S:
        """The model of ``values`` that are valid already (made by jdgen from validated
        data), without validating them again: what ``model_construct`` makes, faster
        (pydantic's own looks up aliases and inspects each default factory's signature
        on every call).  Tests validate what tailoring builds this way."""
        fields = _fields(cls)
        if fields is None:
            return cls.model_construct(**values)  # type: ignore[return-value]
        made = {}
        for name, required, factory, default, copied in fields:
            if name in values:
                made[name] = values[name]
            elif required:
                continue  # as model_construct: left out (validation would refuse it)
            elif factory is not None:
                made[name] = factory()
            else:
                made[name] = copy.deepcopy(default) if copied else default
        model = cls.__new__(cls)
        object.__setattr__(model, "__dict__", made)
        object.__setattr__(model, "__pydantic_fields_set__", set(values))
        object.__setattr__(model, "__pydantic_extra__", None)
        object.__setattr__(model, "__pydantic_private__", None)
        return model

    def __getstate__(self) -> Any:
        """What pickle keeps: the fields and which were set, when there is nothing else
        (pydantic's own state is a dictionary of four, and the cached catalog holds a few
        thousand models)."""
        if self.__pydantic_private__ is None and self.__pydantic_extra__ is None:
            return self.__dict__, self.__pydantic_fields_set__
        return super().__getstate__()

    def __setstate__(self, state: Any) -> None:
        if type(state) is not tuple:
            return super().__setstate__(state)
        fields, fields_set = state
        object.__setattr__(self, "__dict__", fields)
        object.__setattr__(self, "__pydantic_fields_set__", fields_set)
        object.__setattr__(self, "__pydantic_extra__", None)
        object.__setattr__(self, "__pydantic_private__", None)
        return None

    def updated(self: S, **changes: Any) -> S:
        """``self.model_copy(update=changes)``: the same shallow copy (the same fields set),
        made directly; pydantic's own copies the dictionaries twice over on every call,
        and tailoring and respelling copy a few hundred models per posting."""
        if self.__pydantic_private__ is not None or self.__pydantic_extra__ is not None:
            return self.model_copy(update=changes)
        cls = type(self)
        model = cls.__new__(cls)
        object.__setattr__(model, "__dict__", {**self.__dict__, **changes})
        object.__setattr__(
            model, "__pydantic_fields_set__", self.__pydantic_fields_set__ | changes.keys()
        )
        object.__setattr__(model, "__pydantic_extra__", None)
        object.__setattr__(model, "__pydantic_private__", None)
        return model


S = TypeVar("S", bound=Strict)

_IMMUTABLE = (type(None), str, int, float, bool, tuple, frozenset)


@cache
def _fields(
    cls: type[BaseModel],
) -> tuple[tuple[str, bool, Callable[..., Any] | None, Any, bool], ...] | None:
    """(name, required, default factory, default, default needs a copy) of each field, in order;
    None for a model :meth:`Strict.trusted` leaves to ``model_construct`` (aliases,
    private attributes, a post-init hook)."""
    special = cls.__private_attributes__ or cls.__pydantic_post_init__
    if special or any(f.alias or f.validation_alias for f in cls.model_fields.values()):
        return None
    return tuple(
        (
            name,
            f.is_required(),
            f.default_factory,  # jdgen's factories take no arguments
            f.default,
            not isinstance(f.default, _IMMUTABLE),
        )
        for name, f in cls.model_fields.items()
    )
