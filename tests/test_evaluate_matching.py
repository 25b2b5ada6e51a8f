"""Matching activities to the instances of one duty: the three ways of doing it give one answer.

``Windows.assign`` keeps two heaps (linear in activities and instances); when the windows overlap
little it looks up what each activity's day counts for instead; ``first_counting`` serves a single instance, as the
frame lays it out (from ``counts_from`` to the close date). All three follow the rules of
docs/evaluation.md §4, and must choose the very same activity for each instance, also when activities
name the period they cover (an activity naming a period serves only an instance of a period ending that day).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dancoso_rules.evaluation import matching
from dancoso_rules.evaluation.index import Done
from dancoso_rules.evaluation.instances import Instance, Span
from dancoso_rules.evaluation.matching import Windows, counts_from, first_counting, first_counting_named

BASE = dt.date(2025, 1, 1)
#: The last days of the periods instances have and activities name: few, so that they meet.
ENDS = [BASE + dt.timedelta(days=d) for d in (30, 90, 180)]


@st.composite
def instances(draw: st.DrawFn) -> list[Instance]:
    """Live instances of one duty: each closes on or after its due date, and most open on or before it.

    A window may also open after its due date: one that opens once its period has ended, due that
    same day (``after_period`` with no delay), opens the next day; two days later, never seen in a
    frame, is allowed too, to hold the matchers to the reference in general.
    """
    found = []
    for _ in range(draw(st.integers(1, 12))):
        start = BASE + dt.timedelta(days=draw(st.integers(0, 400)))
        due = start + dt.timedelta(days=draw(st.integers(-2, 120)))
        close = due + dt.timedelta(days=draw(st.integers(0, 120)))
        end = draw(st.sampled_from(ENDS))
        found.append(Instance(start, due, due, close, Span("p", end - dt.timedelta(days=30), end)))
    return found


@st.composite
def activities(draw: st.DrawFn) -> list[Done]:
    """Activities of the duty's type, in date order, as the record's index keeps them."""
    days = draw(st.lists(st.integers(-30, 700), max_size=15))
    covers = st.one_of(st.none(), st.sampled_from(ENDS))
    done: list[Done] = [
        (BASE + dt.timedelta(days=d), f"a{n:02d}", n, True, draw(covers)) for n, d in enumerate(days)
    ]
    return sorted(done)


def serves(instance: Instance, activity: Done) -> bool:
    """Whether an activity may serve an instance: it names no period, or one ending when the instance's ends."""
    return activity[4] is None or instance.period is None or instance.period.end == activity[4]


def single(instance: Instance, done: list[Done]) -> Done | None:
    """How the evaluator matches a duty with one live instance (see ``frame.Single``)."""
    assert instance.close is not None
    period_end = None if instance.period is None else instance.period.end
    if any(d[4] is not None for d in done):
        assert instance.due is not None
        return first_counting_named(done, counts_from(instance), instance.due, instance.close, period_end)
    return first_counting(done, counts_from(instance), instance.close)


def reference(cases: list[Instance], done: list[Done]) -> list[Done | None]:
    """The rules of §4 spelt out: on time first, in date order (those naming their period before the
    others), to the unmet instance due first that the activity may serve; then late."""
    found: list[Done | None] = [None] * len(cases)
    order = sorted(range(len(cases)), key=lambda i: (cases[i].due, i))
    leftovers = []
    named_first = [d for d in done if d[4] is not None] + [d for d in done if d[4] is None]
    for activity in named_first:
        on = activity[0]
        eligible = [
            i
            for i in order
            if found[i] is None and cases[i].start <= on <= cases[i].due and serves(cases[i], activity)  # type: ignore[operator]
        ]
        if eligible:
            found[eligible[0]] = activity
        else:
            leftovers.append(activity)
    late_order = sorted(range(len(cases)), key=lambda i: (cases[i].due, cases[i].close, i))
    for activity in leftovers:
        on = activity[0]
        late = [
            i
            for i in late_order
            if found[i] is None and cases[i].due < on <= cases[i].close and serves(cases[i], activity)  # type: ignore[operator]
        ]
        if late:
            found[late[0]] = activity
    return found


@settings(max_examples=400, deadline=None)
@given(instances(), activities())
def test_heaps_stretches_and_single_instance_choose_alike(cases: list[Instance], done: list[Done]) -> None:
    expected = reference(cases, done)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(matching, "_STRETCHED", 10**6)  # stretches, however much the windows overlap
        stretched = Windows.of(cases)
        patch.setattr(matching, "_STRETCHED", -1)  # the heaps
        heaped = Windows.of(cases)
    assert stretched.on_time is not None
    assert heaped.on_time is None
    assert stretched.assign(done) == heaped.assign(done) == expected
    if len(cases) == 1:
        assert [single(cases[0], done)] == expected


@st.composite
def one_instance_and_activities(draw: st.DrawFn) -> tuple[Instance, list[Done]]:
    """One instance, and activities done around its first day, due date and close date."""
    start = BASE + dt.timedelta(days=draw(st.integers(0, 30)))
    due = start + dt.timedelta(days=draw(st.integers(-2, 10)))
    close = due + dt.timedelta(days=draw(st.integers(0, 10)))
    near = st.sampled_from([start, due, close]).flatmap(
        lambda day: st.integers(-2, 2).map(lambda shift: day + dt.timedelta(days=shift))
    )
    days = draw(st.lists(near, max_size=6))
    end = draw(st.sampled_from(ENDS))
    covers = st.one_of(st.none(), st.sampled_from(ENDS))
    done: list[Done] = sorted((d, f"a{n}", n, True, draw(covers)) for n, d in enumerate(days))
    return Instance(start, due, due, close, Span("p", start, end)), done


@settings(max_examples=400, deadline=None)
@given(one_instance_and_activities())
def test_single_instance_chooses_as_the_rules_say(case: tuple[Instance, list[Done]]) -> None:
    instance, done = case
    assert [single(instance, done)] == reference([instance], done)
