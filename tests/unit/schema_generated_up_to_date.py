#!/usr/bin/env python3
"""Fails when the committed schema tables are not what tools/ynl_gen.py makes
of the YNL specs: regenerates them into a temporary folder and compares.

    schema_generated_up_to_date.py SPEC_DIR SOURCE_DIR

Without SPEC_DIR (a clone without ../shared beside it) there is nothing to
compare with: it says so and exits 77, which ctest reports as skipped (not
applicable) rather than passed or failed.
"""
import difflib
import pathlib
import subprocess
import sys
import tempfile

if len(sys.argv) != 3:
    sys.exit(__doc__)
spec_dir, root = (pathlib.Path(arg) for arg in sys.argv[1:])
NOT_APPLICABLE = 77
if not spec_dir.is_dir():
    print(f"not applicable: no YNL spec folder at {spec_dir}, so the generated tables cannot be "
          "checked (configure with -DNLPP_YNL_SPECS=<the folder holding rt_link.yaml, tc.yaml...>)")
    sys.exit(NOT_APPLICABLE)

sources = root / "src/schema/generated"
header = root / "include/nlpp/schema/generated/families.hpp"


def lines(path):
    """The file's lines; None when it does not exist (an empty file is not a missing one)."""
    return path.read_text().splitlines(keepends=True) if path.exists() else None


with tempfile.TemporaryDirectory() as scratch:
    fresh = pathlib.Path(scratch)
    generator = subprocess.run([sys.executable, root / "tools/ynl_gen.py", spec_dir, fresh,
                                "--header", fresh / header.name], capture_output=True, text=True)
    if generator.returncode != 0:
        sys.exit(f"tools/ynl_gen.py failed:\n{generator.stderr}")
    names = sorted({path.name for folder in (sources, fresh) for path in folder.glob("*.cpp")})
    pairs = [(header, fresh / header.name)] + [(sources / name, fresh / name) for name in names]
    stale = [(old, new) for old, new in pairs if lines(old) != lines(new)]
    for old, new in stale:
        name = str(old.relative_to(root))
        state = "not committed" if lines(old) is None else "no longer generated" if lines(new) is None else "differs"
        print(f"{name}: {state}")
        sys.stdout.writelines(difflib.unified_diff(lines(old) or [], lines(new) or [], name, "regenerated"))

if stale:
    sys.exit(f"{len(stale)} generated schema file(s) are stale: run tools/ynl_gen.py {spec_dir} src/schema/generated")
print(f"schema tables are up to date with {spec_dir}")
