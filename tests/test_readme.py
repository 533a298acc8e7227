"""The README shows what its commands print: each example marked `<!-- readme-test -->` is run and its output
compared with the one shown (tests/readme_examples.py; `python tests/readme_examples.py --update` rewrites them)."""

from __future__ import annotations

import pytest

import readme_examples as rx

SAMPLE = """Some text.

<!-- readme-test -->
```console
$ cat greeting.txt
hello from the README
$ tr a-z A-Z < greeting.txt
HELLO FROM THE README
$ printf 'took 0.4 s\\n'; echo to stderr >&2
took 1.7 s
to stderr
```

<!-- readme-test -->
```python
print(sum(range(5)))
```

```
10
```
"""


def test_the_marked_blocks_are_read_with_their_commands_and_outputs():
    console, python = rx.examples(SAMPLE)
    assert [s.command for s in console.steps] == ["cat greeting.txt", "tr a-z A-Z < greeting.txt",
                                                   "printf 'took 0.4 s\\n'; echo to stderr >&2"]
    assert console.steps[1].shown == "HELLO FROM THE README"
    assert python.language == "python" and python.steps[0].shown == "10"
    lines = SAMPLE.splitlines()
    assert lines[python.span[0]:python.span[1]] == ["10"]


def test_a_current_example_passes_and_a_stale_one_fails():
    console, python = rx.examples(SAMPLE)
    outputs = rx.run_example(console)
    assert outputs[0] == "hello from the README"  # the file the README shows was made from what it shows
    assert rx.stale_steps(console, outputs) == []  # durations aside, the same
    assert rx.stale_steps(python, rx.run_example(python)) == []
    stale = rx.examples(SAMPLE.replace("HELLO FROM THE README", "HELLO FROM AN OLD README"))[0]
    (found,) = rx.stale_steps(stale, rx.run_example(stale))
    assert found[0].command == "tr a-z A-Z < greeting.txt" and found[1] == "HELLO FROM THE README"
    assert rx.rebuilt(stale, rx.run_example(stale))[3] == "HELLO FROM THE README"


def test_the_readme_has_examples_to_check():
    found = rx.examples()
    assert len(found) >= 4 and all(example.steps for example in found)


@pytest.mark.slow
@pytest.mark.parametrize("example", rx.examples(), ids=lambda e: f"README.md:{e.line}")
def test_the_readme_shows_what_its_commands_print(example):
    outputs = rx.run_example(example)
    stale = rx.stale_steps(example, outputs)
    assert not stale, (f"README.md:{example.line}: stale output (python tests/readme_examples.py --update):\n"
                       + "\n".join(f"$ {step.command}\n--- shown\n{step.shown}\n--- printed now\n{out}"
                                   for step, out in stale))
