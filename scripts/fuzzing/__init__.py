"""The parts of the `.journey` loader fuzzer that scripts/fuzz_loader.py runs and
tests/model/test_fuzz_loader.py drives with Hypothesis: ``inputs`` (valid files to start from),
``mutators`` (what changes them), ``checking`` (the check of one input and the tally),
``running`` (the seeded and the atheris runs), ``reporting`` (the summary and the saved
failures) and ``worst_cases`` (hand-made slow files). Imports: the standard library and model.*.
"""
