"""Edits in the preview: remove, reword, move and add, kept by bullet across size changes."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from webhelpers import client_for, post_form

from jdgen.edits import Edit, apply_edits, bullet_lists
from jdgen.tailor import tailor


def posting(catalog, size: str, industry: str = "manufacturing"):
    from jdgen.company import company_from_data

    company = company_from_data({"size": size, "industry": industry}, "test", catalog)
    return tailor(catalog.find_role("director-of-operations"), company, catalog)


def duties(jd) -> list[str]:
    section = jd.section("responsibilities")
    return [b.text for sub in section.subsections for b in sub.bullets]


def test_remove_reword_move_and_add(catalog) -> None:
    jd = posting(catalog, "mid-size")
    first = bullet_lists(jd)[0]
    (k0, b0), (k1, b1) = first.items[0], first.items[1]
    t0, t1 = b0.text, b1.text
    edits = [
        Edit(op="remove", bullet=k0),
        Edit(op="reword", bullet=k1, text="run the weekly operations review"),
        Edit(op="add", bullet="a-1", target=first.key, text="Open our second plant in 2027"),
        Edit(op="move", bullet="a-1", index=0),
    ]
    edited = apply_edits(jd, edits)
    after = duties(edited.jd)
    assert t0 not in after and t1 not in after
    assert after[0] == "Open our second plant in 2027."
    assert "Run the weekly operations review." in after
    assert not edited.dropped


def test_edits_survive_a_size_change_where_the_bullet_is_still_there(catalog) -> None:
    mid, enterprise = posting(catalog, "mid-size"), posting(catalog, "enterprise")
    mid_items = {k: b.text for lst in bullet_lists(mid) for k, b in lst.items}
    big_items = {k: b.text for lst in bullet_lists(enterprise) for k, b in lst.items}
    # the same duty worded for the larger company: the edit follows the id, not the words
    reworded = next(k for k in mid_items if k in big_items and mid_items[k] != big_items[k])
    gone = next(k for k in mid_items if k not in big_items)
    edits = [
        Edit(op="remove", bullet=reworded, was=mid_items[reworded]),
        Edit(op="remove", bullet=gone, was=mid_items[gone]),
    ]
    edited = apply_edits(enterprise, edits)
    after = duties(edited.jd)
    assert big_items[reworded] not in after
    assert [e.was for e in edited.dropped] == [mid_items[gone]]


def test_edit_route_applies_and_keeps_the_edit(tmp_path: Path) -> None:
    client = client_for(tmp_path / "d.sqlite3")
    form = {
        "role": "director-of-operations",
        "size": "mid-size",
        "industry": "manufacturing",
        "edits": "[]",
    }
    page = post_form(client, "/preview", form)
    key = page.text.split('data-bullet="', 1)[1].split('"', 1)[0]
    text = (
        page.text.split('<span class="text" id="t-', 1)[1].split(">", 1)[1].split("</span>", 1)[0]
    )
    removed = post_form(
        client, "/edit", {**form, "op": "remove", "bullet": key, "was": html.unescape(text)}
    )
    assert "<h1>Director of Operations</h1>" in removed.text
    assert f">{text}</span>" not in removed.text
    state = removed.text.split('id="edits" name="edits" value="', 1)[1].split('"', 1)[0]
    edits = json.loads(html.unescape(state))
    assert edits == [{"op": "remove", "bullet": key, "was": html.unescape(text)}]
    bigger = post_form(
        client, "/preview", {**form, "size": "enterprise", "edits": json.dumps(edits)}
    )
    assert f">{text}</span>" not in bigger.text
    reword = client.get(
        "/edit/reword", params={**form, "bullet": "responsibilities:operating-budget"}
    )
    assert 'name="new_text"' in reword.text
    assert "Build and manage the operating budget" in reword.text
    moved = post_form(
        client, "/edit", {**form, "op": "down", "bullet": "responsibilities:operating-budget"}
    )
    state = html.unescape(
        moved.text.split('id="edits" name="edits" value="', 1)[1].split('"', 1)[0]
    )
    assert json.loads(state)[0]["op"] == "move"


def test_edits_to_the_posting_apply_to_the_internal_description(tmp_path: Path) -> None:
    """The description holds the posting's duties and skills under their keys: a duty
    removed and a skill reworded in the posting are so in the description too."""
    client = client_for(tmp_path / "d.sqlite3")
    form = {"role": "director-of-operations", "size": "60", "industry": "manufacturing"}
    edits = [
        {"op": "remove", "bullet": "responsibilities:operating-budget", "was": "budget"},
        {"op": "reword", "bullet": "skills:dop-cost-of-operations", "text": "Reads a P&L cold"},
    ]
    posting = post_form(client, "/preview", {**form, "edits": json.dumps(edits)})
    description = post_form(
        client, "/preview", {**form, "edits": json.dumps(edits), "kind": "description"}
    )
    for page in (posting, description):
        assert page.status_code == 200
        assert "Build and manage the operating budget" not in page.text
        assert "Reads a P&amp;L cold." in page.text
        assert "no longer appl" not in page.text  # both edits applied
    before = post_form(client, "/preview", {**form, "kind": "description"})
    assert "Build and manage the operating budget" in before.text
    text = description.text
    assert "<h2>Essential functions</h2>" in text
    assert '<dl class="facts"><dt>Job title</dt><dd>Director of Operations</dd>' in text
    assert '<dt>Employee signature</dt><dd class="blank"></dd>' in text
    # its duties carry the posting's keys, so its edit buttons make the same edits
    key = text.split('data-bullet="', 1)[1].split('"', 1)[0]
    assert key.startswith("responsibilities:")
