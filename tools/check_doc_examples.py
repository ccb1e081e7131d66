#!/usr/bin/env python3
"""Checks that the documentation's C++ examples are compiled code.

    check_doc_examples.py [ROOT]

An example is
  - in a public header (include/nlpp/**/*.hpp): a run of comment lines
    whose text starts with 5 or more spaces after the marker (`//     code`,
    `///     code`), blank comment lines inside it included;
  - in README.md and docs/*.md: a ```cpp fenced block (other fences are
    not C++ and are not checked).

Each example must appear in a compiled file, a .cpp under examples/ or
tests/ (tests/unit/doc_examples_test.cpp holds those of the headers and of
the docs): its lines, each stripped of surrounding whitespace and blank
ones left out, must be consecutive lines of that file, read the same way.

A header block that is not C++ to compile (sample output, JSON, the
synopsis of what a type must declare) is introduced by a comment line
ending in "(not compiled):" and is not checked (docs/CONVENTIONS.md).
Exits 1 listing file:line and the first line of each example not found.
"""

import pathlib
import re
import sys

NOT_COMPILED = "(not compiled):"
COMMENT = re.compile(r"^\s*(//+)(.*)$")
CODE_INDENT = 5


def header_blocks(path):
    """(line number, lines) of each example block of a header; the blocks
    marked not compiled are returned separately."""
    lines = path.read_text().splitlines()
    blocks, skipped = [], []
    i = 0
    while i < len(lines):
        if not is_code(lines[i]):
            i += 1
            continue
        start, body = i, []
        while i < len(lines):
            if is_code(lines[i]):
                body.append(comment_text(lines[i]))
                i += 1
            elif is_blank_comment(lines[i]) and i + 1 < len(lines) and continues_block(lines, i):
                i += 1
            else:
                break
        (skipped if introduction(lines, start).endswith(NOT_COMPILED) else blocks).append((start + 1, body))
    return blocks, skipped


def comment_text(line):
    match = COMMENT.match(line)
    return match.group(2) if match else None


def is_code(line):
    text = comment_text(line)
    return text is not None and text.strip() != "" and len(text) - len(text.lstrip(" ")) >= CODE_INDENT


def is_blank_comment(line):
    text = comment_text(line)
    return text is not None and text.strip() == ""


def continues_block(lines, i):
    """Whether the blank comment lines from i lead to more code of the block."""
    while i < len(lines) and is_blank_comment(lines[i]):
        i += 1
    return i < len(lines) and is_code(lines[i])


def introduction(lines, start):
    """The comment line that introduces the block at start, stripped ("" if none)."""
    i = start - 1
    while i >= 0 and is_blank_comment(lines[i]):
        i -= 1
    text = comment_text(lines[i]) if i >= 0 else None
    return text.strip() if text is not None else ""


def markdown_blocks(path):
    lines = path.read_text().splitlines()
    blocks, i = [], 0
    while i < len(lines):
        if lines[i].strip() == "```cpp":
            start, body = i, []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                body.append(lines[i])
                i += 1
            blocks.append((start + 1, body))
        i += 1
    return blocks


def normalised(lines):
    return [line.strip() for line in lines if line.strip()]


def appears_in(block, text):
    """Whether block's lines are consecutive lines of text (a joined, normalised
    file with a newline on each side of every line)."""
    return ("\n" + "\n".join(block) + "\n") in text


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent).resolve()
    compiled = {}
    for folder in ("examples", "tests"):
        for path in sorted((root / folder).rglob("*.cpp")):
            compiled[path] = "\n" + "\n".join(normalised(path.read_text().splitlines())) + "\n"

    examples, header_count, markdown_count, skipped_count = [], 0, 0, 0
    for path in sorted((root / "include/nlpp").rglob("*.hpp")):
        blocks, skipped = header_blocks(path)
        examples += [(path, number, body) for number, body in blocks]
        header_count += len(blocks)
        skipped_count += len(skipped)
    for path in [root / "README.md"] + sorted((root / "docs").glob("*.md")):
        blocks = markdown_blocks(path)
        examples += [(path, number, body) for number, body in blocks]
        markdown_count += len(blocks)

    missing = []
    for path, number, body in examples:
        block = normalised(body)
        if block and not any(appears_in(block, text) for text in compiled.values()):
            missing.append(f"{path.relative_to(root)}:{number}: {block[0]}")

    if missing:
        print(f"{len(missing)} of {len(examples)} C++ examples are in no compiled file under examples/ or tests/ "
              f"(put each in tests/unit/doc_examples_test.cpp, line for line):")
        print("\n".join(missing))
        return 1
    print(f"doc examples ok: {header_count} header blocks and {markdown_count} markdown blocks appear in compiled "
          f"files; {skipped_count} header blocks marked {NOT_COMPILED!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
