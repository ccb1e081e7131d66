"""Turns the raw results of bench/run.sh (one row per run, TSV) into
markdown tables: per scenario and size, each tool's median time, the time
per item, its ratio to the reference and to nlpp, its peak RSS, and the
notes programs report (events: expected, missed, overruns) as the median
with the range over the runs.

Ratios are taken pair by pair: for each repetition, the tool's time over
the reference's time in that same repetition, then the median of those, so
that a slow moment of the shared machine weighs on both sides.

    python3 report.py RESULTS.tsv
"""

import csv
import statistics
import sys
from collections import defaultdict


def median_ratio(runs, others):
    """Median over the repetitions both have of runs[rep] / others[rep]."""
    ratios = [runs[rep] / others[rep] for rep in runs if rep in others and others[rep] > 0]
    return statistics.median(ratios) if ratios else None


def seconds_text(seconds):
    return "%.1f ms" % (seconds * 1e3) if seconds < 10 else "%.1f s" % seconds


def ratio_text(ratio):
    return "—" if ratio is None else "%.2fx" % ratio


def notes_of(rows):
    """{key: [values]} of the numeric key=value notes of the rows."""
    values = defaultdict(list)
    for row in rows:
        for word in row["notes"].split():
            key, _, value = word.partition("=")
            values[key].append(int(value))
    return values


def note_text(values):
    """The median, and the worst run when it differs (a missed event in one
    run of five must show)."""
    median = format(int(statistics.median(values)), ",")
    return median if max(values) == min(values) else "%s (%s–%s)" % (median, format(min(values), ","),
                                                                    format(max(values), ","))


def table(scenario, count, rows):
    tools = list(dict.fromkeys(row["tool"] for row in rows))
    by_tool = {tool: [row for row in rows if row["tool"] == tool] for tool in tools}
    times = {tool: {int(row["rep"]): float(row["seconds"]) for row in found} for tool, found in by_tool.items()}
    roles = {row["role"]: row["tool"] for row in rows}
    reference, nlpp = roles.get("reference"), roles.get("nlpp")
    note_keys = list(dict.fromkeys(key for tool in tools for key in notes_of(by_tool[tool])))

    header = ["tool", "median", "per item"]
    header += ["× reference"] if reference else []
    header += ["× nlpp"] if nlpp else []
    header += ["peak RSS", "items", "runs"] + note_keys
    lines = ["### %s, %s" % (scenario, format(int(count), ",")), "",
             "| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for tool in tools:
        found = by_tool[tool]
        median = statistics.median(times[tool].values())
        items = statistics.median(int(row["items"]) for row in found)
        # `ip` does not say how many it handled: the scenario's size stands.
        per_item = median / (items or int(count))
        cells = [tool + (" (reference)" if tool == reference else ""), seconds_text(median),
                 "%.2f us" % (per_item * 1e6)]
        if reference:
            cells.append(ratio_text(median_ratio(times[tool], times[reference])))
        if nlpp:
            cells.append(ratio_text(median_ratio(times[tool], times[nlpp])))
        rss_mib = statistics.median(int(row["maxrss_kib"]) for row in found) / 1024
        cells += ["%.1f MiB" % rss_mib, format(int(items), ",") if items else "—", str(len(found))]
        notes = notes_of(found)
        cells += [note_text(notes[key]) if key in notes else "—" for key in note_keys]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main():
    with open(sys.argv[1], newline="") as raw:
        rows = list(csv.DictReader(raw, delimiter="\t"))
    groups = defaultdict(list)
    for row in rows:
        row["notes"] = "" if row["notes"] == "-" else row["notes"]
        groups[(row["scenario"], row["count"])].append(row)
    print("\n".join(table(scenario, count, found) for (scenario, count), found in groups.items()))


if __name__ == "__main__":
    main()
