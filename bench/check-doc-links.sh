#!/usr/bin/env bash
# Checks that every relative link in README.md and docs/*.md resolves: the file or folder it names exists and, when it
# names a heading (#anchor) of a Markdown file, that file has a heading with that id as GitHub makes it (lower case,
# punctuation dropped, spaces to hyphens, a repeated heading gets -1, -2, ...). Links inside fenced code blocks are not
# links and are skipped, as are absolute URLs (http:, https:, mailto:). Prints each broken link as FILE:LINE: LINK
# and a last line "N links checked, M broken"; exits 1 when any is broken.
# Usage: bench/check-doc-links.sh [FILE.md ...]   (default: README.md docs/*.md). Needs bash, GNU grep and sed, and any awk.
set -uo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8

# GitHub's heading ids of a Markdown file, one a line.
anchors() {
  awk '/^[ ]*(```|~~~)/ { fenced = !fenced; next } !fenced && /^#+ / { print }' "$1" |
    sed -E 's/^#+ +//; s/ +#+ *$//; s/ +$//' |
    sed -E 's/\[([^]]*)\]\([^)]*\)/\1/g' |
    sed -E 's/.*/\L&/; s/[^[:alnum:] _-]//g; s/ /-/g' |
    awk '{ id = $0; if (seen[id]++) id = id "-" (seen[$0] - 1); print id }'
}

# "LINE<TAB>TARGET" for every inline link or image of a Markdown file, fenced code skipped.
links() {
  awk '/^[ ]*(```|~~~)/ { fenced = !fenced; next }
       !fenced {
         line = $0
         # inline code spans are not links either
         gsub(/`[^`]*`/, "", line)
         while (match(line, /\]\([^)[:space:]]+\)/)) {
           print NR "\t" substr(line, RSTART + 2, RLENGTH - 3)
           line = substr(line, RSTART + RLENGTH)
         }
       }' "$1"
}

files=("$@")
if [[ ${#files[@]} -eq 0 ]]; then files=(README.md docs/*.md); fi

checked=0 broken=0
for file in "${files[@]}"; do
  dir=$(dirname "$file")
  while IFS=$'\t' read -r line target; do
    [[ -z $target ]] && continue
    case $target in http:* | https:* | mailto:*) continue ;; esac
    checked=$((checked + 1))
    path=${target%%#*}
    anchor=
    [[ $target == *#* ]] && anchor=${target#*#}
    if [[ -z $path ]]; then resolved=$file; else resolved=$dir/$path; fi
    if [[ ! -e $resolved ]]; then
      echo "$file:$line: $target (no such file: $resolved)"
      broken=$((broken + 1))
      continue
    fi
    if [[ -n $anchor && $resolved == *.md ]]; then
      if ! anchors "$resolved" | grep -qxF -- "$anchor"; then
        echo "$file:$line: $target (no heading #$anchor in $resolved)"
        broken=$((broken + 1))
      fi
    fi
  done < <(links "$file")
done

echo "$checked links checked, $broken broken"
[[ $broken -eq 0 ]]
