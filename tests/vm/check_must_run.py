#!/usr/bin/env python3
"""Checks a gtest JSON report against must_run.txt: every test a line names
(a gtest name or a pattern with * and ?) must have run and passed. A skip
counts as a failure here: in the guest, the kernel has every feature."""
import argparse
import fnmatch
import json
import sys


def patterns(path):
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.split("#", 1)[0].strip()
            if line:
                yield line


def outcomes(report):
    for suite in report["testsuites"]:
        for test in suite["testsuite"]:
            name = f"{suite['name']}.{test['name']}"
            if test.get("failures"):
                yield name, "failed"
            elif test["status"] != "RUN":
                yield name, "did not run"
            elif test["result"] == "SKIPPED":
                yield name, "skipped"
            else:
                yield name, "passed"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--partial", action="store_true",
                        help="the run was filtered: a pattern may match no test")
    parser.add_argument("must_run")
    parser.add_argument("report")
    args = parser.parse_args()

    try:
        with open(args.report, encoding="utf-8") as report:
            results = dict(outcomes(json.load(report)))
    except (OSError, ValueError) as error:
        print(f"must_run: no test report ({error}): the tests did not finish", file=sys.stderr)
        return 1

    problems = []
    checked = 0
    for pattern in patterns(args.must_run):
        matched = [name for name in results if fnmatch.fnmatchcase(name, pattern)]
        if not matched and not args.partial:
            problems.append(f"{pattern}: matches no test in the report")
        checked += len(matched)
        problems += [f"{name}: {results[name]}" for name in matched if results[name] != "passed"]
    for problem in problems:
        print(f"must_run: {problem}", file=sys.stderr)
    print(f"must_run: {checked} listed tests checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
