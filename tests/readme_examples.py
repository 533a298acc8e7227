"""The README's examples whose output it shows, run for real.

An example is a fenced block preceded by the line `<!-- readme-test -->`:

- a `console` block: lines `$ COMMAND` (a line ending in a backslash goes on in the next), each followed by what
  the command prints, stdout and stderr together as a terminal shows them. `$ cat FILE` of a file the example
  has not made shows the file's content: the example's folder gets that file with that content first, so the
  README itself holds the inputs it shows;
- a `python` block, whose output is the plain fenced block right after it.

Each example runs in a folder of its own (with `examples/` of the repository in it), 80 columns wide, with no
colours and an empty actor catalogue of the user. `python tests/readme_examples.py --update` runs them all and
writes what they print into README.md; tests/test_readme.py fails while any shown output is stale.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
MARKER = "<!-- readme-test -->"
FENCE = re.compile(r"^(```+)(\w*)\s*$")
TERMINAL_COLUMNS = "80"
RUN_TIMEOUT_S = 900  # a command that loads the language model, on a busy machine
# what differs from run to run, never the content: durations ("dedup took 0.4 s", "(0.1 s)")
VOLATILE = [(re.compile(r"\b\d+(?:\.\d+)? s\b"), "N s")]


@dataclasses.dataclass
class Step:
    command: str  # a shell command, or a Python program
    shown: str  # the output the README shows


@dataclasses.dataclass
class Example:
    line: int  # of the opening fence of the block with the commands (1-based)
    language: str  # console or python
    steps: list[Step]
    span: tuple[int, int]  # lines [start, end) of the README (0-based) that the shown output is rebuilt into


def _block(lines: list[str], start: int) -> tuple[str, list[str], int]:
    """The fenced block opening at lines[start]: its language, its lines, the index after its closing fence."""
    opening = FENCE.match(lines[start])
    assert opening, f"README.md:{start + 1}: {MARKER} must be followed by a fenced code block"
    end = start + 1
    while end < len(lines) and lines[end].strip() != opening.group(1):
        end += 1
    assert end < len(lines), f"README.md:{start + 1}: the block is not closed"
    return opening.group(2), lines[start + 1:end], end + 1


def _console_steps(body: list[str]) -> list[Step]:
    steps: list[Step] = []
    i = 0
    while i < len(body):
        line = body[i]
        assert line.startswith("$ "), f"a console example starts each command with '$ ': {line!r}"
        command = line[2:]
        while command.endswith("\\") and i + 1 < len(body):
            i += 1
            command = command[:-1] + " " + body[i].strip()
        i += 1
        shown = []
        while i < len(body) and not body[i].startswith("$ "):
            shown.append(body[i])
            i += 1
        steps.append(Step(command.strip(), "\n".join(shown)))
    return steps


def examples(text: str | None = None) -> list[Example]:
    lines = (README.read_text(encoding="utf-8") if text is None else text).splitlines()
    found = []
    for n, line in enumerate(lines):
        if line.strip() != MARKER:
            continue
        language, body, after = _block(lines, n + 1)
        if language == "console":
            found.append(Example(n + 2, language, _console_steps(body), (n + 2, after - 1)))
        elif language == "python":
            nxt = after
            while nxt < len(lines) and not lines[nxt].strip():
                nxt += 1
            _, output, output_end = _block(lines, nxt)
            found.append(Example(n + 2, language, [Step("\n".join(body), "\n".join(output))], (nxt + 1, output_end - 1)))
        else:
            raise AssertionError(f"README.md:{n + 2}: a {MARKER} block must be console or python, not {language!r}")
    return found


def environment(home: Path) -> dict[str, str]:
    """The environment of the examples: this interpreter's eventwire first on PATH, the source tree the tests run
    on (PYTHONPATH), 80 columns, no colours, unbuffered output (stdout and stderr keep their order)."""
    env = {k: v for k, v in os.environ.items() if k not in ("EVENTWIRE_DB", "FORCE_COLOR")}
    env.update(PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}", COLUMNS=TERMINAL_COLUMNS,
               NO_COLOR="1", TERM="dumb", PYTHONIOENCODING="utf-8", PYTHONUNBUFFERED="1",
               PYTHONPATH=os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
               EVENTWIRE_CATALOGUE=str(home / "no-user-catalogue" / "actors.yaml"))
    return env


def _shown_file(command: str, folder: Path) -> Path | None:
    """The file a `cat FILE` step shows, when the example has not made it (the README then defines it)."""
    words = shlex.split(command)
    if len(words) == 2 and words[0] == "cat" and not (folder / words[1]).exists():
        return folder / words[1]
    return None


def run_example(example: Example) -> list[str]:
    """What each step of the example prints now."""
    outputs = []
    with tempfile.TemporaryDirectory(prefix="eventwire-readme-") as tmp:
        folder = Path(tmp)
        (folder / "examples").symlink_to(ROOT / "examples")
        env = environment(folder)
        for step in example.steps:
            if example.language == "python":
                argv = [sys.executable, "-c", step.command]
            else:
                made = _shown_file(step.command, folder)
                if made is not None:
                    made.write_text(step.shown + "\n", encoding="utf-8")
                argv = ["bash", "-c", step.command + " 2>&1"]
            proc = subprocess.run(argv, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  timeout=RUN_TIMEOUT_S)
            outputs.append(proc.stdout.decode("utf-8", "replace").rstrip("\n"))
    return outputs


def normalized(output: str) -> str:
    lines = [line.rstrip() for line in output.splitlines()]
    text = "\n".join(lines).strip("\n")
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def stale_steps(example: Example, outputs: list[str]) -> list[tuple[Step, str]]:
    return [(step, out) for step, out in zip(example.steps, outputs) if normalized(step.shown) != normalized(out)]


def rebuilt(example: Example, outputs: list[str]) -> list[str]:
    """The README lines of the example's shown output, with what the steps print now."""
    if example.language == "python":
        return outputs[0].splitlines()
    lines = []
    for step, out in zip(example.steps, outputs):
        lines.append("$ " + step.command)
        lines.extend(line.rstrip() for line in out.splitlines())
    return lines


def update_readme() -> int:
    """Run every example and write its output into README.md; the number of examples whose output changed."""
    text = README.read_text(encoding="utf-8")
    lines = text.splitlines()
    changed = 0
    for example in reversed(examples(text)):  # from the end: earlier spans keep their line numbers
        outputs = run_example(example)
        if stale_steps(example, outputs):
            changed += 1
            start, end = example.span
            lines[start:end] = rebuilt(example, outputs)
    README.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changed


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/readme_examples.py --update   (runs the README's examples, rewrites their output)")
    print(f"{update_readme()} examples updated in {README}")
