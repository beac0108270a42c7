"""model.journey.id_forms: one form per id, an id the medium holds is its own form, no form is
another element's id, and the forms do not depend on the order the ids come in."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from model.journey.id_forms import id_forms
from model.journey.validation import MAX_ID_LENGTH


def drop_controls(text: str) -> str:
    return "".join(ch for ch in text if ch >= " ")


ids = st.lists(st.text(st.sampled_from("<a~2\x17\x18"), min_size=1, max_size=MAX_ID_LENGTH),
               unique=True, max_size=12)


@settings(max_examples=300)
@given(ids=ids, seed=st.randoms())
def test_forms_are_unique_and_never_another_elements_id(ids, seed):
    forms = id_forms(ids, drop_controls)
    assert set(forms) == set(ids)
    assert len(set(forms.values())) == len(ids)
    for element_id, form in forms.items():
        assert 0 < len(form) <= MAX_ID_LENGTH
        assert drop_controls(form) == form
        assert form == element_id if drop_controls(element_id) == element_id else form not in ids
    shuffled = list(ids)
    seed.shuffle(shuffled)
    assert id_forms(shuffled, drop_controls) == forms


def test_the_forms_of_the_shrunk_example():
    assert id_forms(["<", "\x17<", "\x17"], drop_controls) == {"<": "<", "\x17<": "<~2",
                                                                "\x17": "~2"}
