"""Property tests: the figure parser never raises, bounds hold, offsets point at the text."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from numcheck import lexicon
from numcheck.figures import find_figures

LEX = lexicon.load()
NEWSY = st.lists(st.sampled_from(list("0123456789 ,.-%$£€kmbn") + [
    " some ", " more than ", " up to ", " between ", " and ", " to ", " million", " per cent", " soldiers",
    " of them", " in 2023", " October ", " F-", " aged ", "-year-old", " a third of", " dozens of ",
    " two", " hundred", " nearly ", "\n", "“", "”",
    # forms with their own code paths: signs, glued currencies, compound scales and durations
    " minus ", " -", "−", "C", " Rs", "₹", " lakh", " crore", " half", " a ", " by ", " their",
    " hour", " minutes", " and a half", " points", " poll", "- to ", "-year-olds", " 0 800",
    " until at least ", " up ", " under ", " children"]), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), NEWSY))
def test_never_raises_and_figures_are_sound(text):
    for f in find_figures(text, LEX):
        assert text[f.start:f.end] == f.text
        if f.low is not None:
            assert f.low <= f.value + 1e-9
        if f.high is not None:
            assert f.value <= f.high + 1e-9
        assert f.approx in ("=", "~", ">", ">=", "<", "<=", "range")
