#!/usr/bin/env bash
# The man page renders without a warning, and it and the bash completion
# name every object `nlpp --help` lists, so neither goes stale when an
# object is added.
#   man_and_completion_cover_objects.sh NLPP_BINARY SOURCE_DIR
set -euo pipefail
nlpp=$1
source_dir=$2
man_page=$source_dir/docs/nlpp.8
completion=$source_dir/completion/nlpp.bash
failed=0

warnings=$(groff -man -Tutf8 -ww -z "$man_page" 2>&1)
if [[ -n $warnings ]]; then
  echo "groff warns about $man_page:"
  echo "$warnings"
  failed=1
fi

# "OBJECT: link, address, ... (nlpp OBJECT help)"
object_line=$("$nlpp" --help | sed -n 's/^OBJECT: \([^(]*\).*/\1/p')
objects=$(echo "$object_line" | tr -d ',')
if [[ -z ${objects// /} ]]; then
  echo "no OBJECT line in nlpp --help"
  exit 1
fi

# shellcheck source=/dev/null
source "$completion"
# shellcheck disable=SC2154 # set by the completion
offered=" $(tr -s ' \n' '  ' <<<"$_nlpp_objects") "
for object in $objects; do
  if ! grep -qx "\.SS $object" "$man_page"; then
    echo "the man page has no section (.SS $object) for the object $object"
    failed=1
  fi
  if [[ $offered != *" $object "* ]]; then
    echo "the completion does not offer the object $object"
    failed=1
  fi
  if [[ -z $(_nlpp_commands "$object") ]]; then
    echo "the completion knows no commands of the object $object"
    failed=1
  fi
done
exit $failed
