#!/usr/bin/env python3
"""Checks that each layer includes only its own headers and those of the
layers it depends on, as declared by nlpp_layer(... DEPENDS ...) in
src/CMakeLists.txt (the one place the layering is written down): public
headers (<nlpp/LAYER/...>) and private ones ("LAYER/...", found from src/)
alike. A private header is named from src/, never reached through "../"."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()

direct = {}
for name, deps in re.findall(r"nlpp_layer\((\w+)(?:\s+DEPENDS\s+([\w\s]+))?\)", (root / "src/CMakeLists.txt").read_text()):
    direct[name] = deps.split() if deps else []


def closure(layer, seen=None):
    seen = set() if seen is None else seen
    if layer not in seen:
        seen.add(layer)
        for dep in direct[layer]:
            closure(dep, seen)
    return seen


violations = []
for layer in direct:
    allowed = closure(layer)
    for folder in (root / "include/nlpp" / layer, root / "src" / layer):
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".hpp", ".cpp"):
                continue
            for number, line in enumerate(path.read_text().splitlines(), 1):
                if re.match(r'\s*#\s*include\s*"\.\./', line):
                    violations.append(f"{path.relative_to(root)}:{number}: a relative include through '../' "
                                      f"(name private headers from src/: \"LAYER/...\")")
                    continue
                match = re.match(r'\s*#\s*include\s*(?:<nlpp/|")(\w+)/', line)
                if match and match.group(1) in direct and match.group(1) not in allowed:
                    violations.append(f"{path.relative_to(root)}:{number}: layer '{layer}' includes "
                                      f"nlpp/{match.group(1)}/ (allowed: {', '.join(sorted(allowed))})")

print("\n".join(violations) or f"layering ok: {', '.join(f'{k} -> {sorted(closure(k) - {k})}' for k in direct)}")
sys.exit(1 if violations else 0)
