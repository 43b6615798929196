#!/usr/bin/env bash
# Builds the CJK fonts the server embeds in every PDF (user manual, certificates):
# the Simplified Chinese face of Debian's Noto Sans CJK (fonts-noto-cjk, SIL OFL 1.1), Regular and Bold,
# subset to the characters a Chinese government form needs:
#   - ASCII, Latin-1, general punctuation, CJK symbols and punctuation, full-width forms and a few
#     small symbol blocks (letterlike, number forms, arrows, maths, enclosed numbers, shapes);
#   - every character of GB 2312 (all code points that decode from its two-byte sequences);
#   - every character of 通用规范汉字表 (2013, 8,105 characters: the kTGH field of Unicode's Unihan);
#   - every character that appears in the repository's text: docs, locale files, reference data.
# Output: apps/server/assets/fonts/NotoSansCJKsc-{Regular,Bold}.subset.otf (CFF outlines, as upstream).
#
# Needs (Debian): fonts-noto-cjk, fonttools (python3-fonttools), unicode-data.
# Usage: scripts/subset-font.sh [extra text file or folder ...]
#   Extra arguments are scanned for characters too (e.g. a reference-data folder outside the repo).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/apps/server/assets/fonts"
SRC_DIR="${NOTO_CJK_DIR:-/usr/share/fonts/opentype/noto}"
UNIHAN="${UNIHAN_OTHER_MAPPINGS:-/usr/share/unicode/Unihan_OtherMappings.txt.bz2}"
# Debian's python3 carries fontTools; a pyenv or venv python3 earlier on PATH may not.
PYTHON="${PYTHON:-/usr/bin/python3}"

for f in "$SRC_DIR/NotoSansCJK-Regular.ttc" "$SRC_DIR/NotoSansCJK-Bold.ttc" "$UNIHAN"; do
  [[ -f "$f" ]] || { echo "missing $f (apt-get install fonts-noto-cjk unicode-data)" >&2; exit 1; }
done
"$PYTHON" -c 'import fontTools' 2>/dev/null || { echo "$PYTHON has no fontTools (apt-get install fonttools)" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

# 1. The code points to keep, one hex value a line, sorted (so the output does not depend on file order).
"$PYTHON" - "$ROOT" "$UNIHAN" "$WORK/unicodes.txt" "$@" <<'PY'
import bz2, os, sys

root, unihan, out, *extra = sys.argv[1:]
keep = set()

def add_range(a, b):
    keep.update(range(a, b + 1))

add_range(0x20, 0x7E)      # ASCII
add_range(0xA0, 0xFF)      # Latin-1 Supplement
add_range(0x2000, 0x206F)  # General Punctuation
add_range(0x2100, 0x214F)  # Letterlike Symbols (℃ №)
add_range(0x2150, 0x218F)  # Number Forms (Ⅰ Ⅱ Ⅲ)
add_range(0x2190, 0x21FF)  # Arrows
add_range(0x2200, 0x22FF)  # Mathematical Operators (≤ ≥ ≠)
add_range(0x2460, 0x24FF)  # Enclosed Alphanumerics (① ②)
add_range(0x25A0, 0x25FF)  # Geometric Shapes (■ □ ● ○)
add_range(0x3000, 0x303F)  # CJK Symbols and Punctuation
add_range(0xFE30, 0xFE4F)  # CJK Compatibility Forms
add_range(0xFE50, 0xFE6F)  # Small Form Variants
add_range(0xFF00, 0xFFEF)  # Halfwidth and Fullwidth Forms

# GB 2312: rows 0xA1-0xF7, cells 0xA1-0xFE; whatever decodes is in the set.
gb2312 = set()
for hi in range(0xA1, 0xFF):
    for lo in range(0xA1, 0xFF):
        try:
            gb2312.add(ord(bytes([hi, lo]).decode('gb2312')))
        except UnicodeDecodeError:
            pass
keep |= gb2312

# 通用规范汉字表 (2013): Unihan's kTGH field, "2013:<serial>".
tgh = set()
with bz2.open(unihan, 'rt', encoding='utf-8') as fh:
    for line in fh:
        parts = line.rstrip('\n').split('\t')
        if len(parts) >= 3 and parts[1] == 'kTGH':
            tgh.add(int(parts[0][2:], 16))
if len(tgh) != 8105:
    sys.exit(f'expected 8105 kTGH characters in {unihan}, found {len(tgh)}')
keep |= tgh

# Characters the project itself prints: docs, locale and message files, reference data, extras.
TEXT_EXT = ('.md', '.txt', '.csv', '.json', '.ts', '.tsx')
scan = [
    os.path.join(root, 'docs'),
    os.path.join(root, 'packages/domain/src/messages'),
    os.path.join(root, 'apps/web/src/locales'),
    os.path.join(root, 'apps/server/reference-data'),
    *extra,
]
found = set()
for base in scan:
    if os.path.isfile(base):
        files = [base]
    elif os.path.isdir(base):
        files = [os.path.join(d, f) for d, _, fs in os.walk(base) for f in fs if f.endswith(TEXT_EXT)]
    else:
        continue
    for path in files:
        try:
            with open(path, encoding='utf-8') as fh:
                found.update(ord(c) for c in fh.read())
        except UnicodeDecodeError:
            print(f'skipped (not UTF-8): {path}', file=sys.stderr)
# Only printable characters above ASCII: no controls, no private use, no variation selectors.
found = {c for c in found if c > 0x7E and not (0xE000 <= c <= 0xF8FF) and not (0xFE00 <= c <= 0xFE0F)}
keep |= found

with open(out, 'w') as fh:
    for cp in sorted(keep):
        fh.write(f'U+{cp:04X}\n')
print(f'code points: {len(keep)} (GB 2312 {len(gb2312)}, 通用规范汉字表 {len(tgh)}, '
      f'from project text {len(found - gb2312 - tgh)} beyond both)', file=sys.stderr)
PY

# 2. Subset each weight: face 2 of the collection is Noto Sans CJK SC (check: fc-scan the .ttc).
for weight in Regular Bold; do
  target="$OUT/NotoSansCJKsc-$weight.subset.otf"
  "$PYTHON" -m fontTools.subset "$SRC_DIR/NotoSansCJK-$weight.ttc" \
    --font-number=2 \
    --unicodes-file="$WORK/unicodes.txt" \
    --name-IDs='*' \
    --notdef-outline \
    --layout-features=kern,liga,clig,calt,ccmp \
    --drop-tables+=vhea,vmtx,VORG \
    --output-file="$target"
  "$PYTHON" - "$target" "NotoSansCJKsc-$weight" <<'PY'
import sys
from fontTools.ttLib import TTFont
font = TTFont(sys.argv[1])
name = font['name'].getDebugName(6)
if name != sys.argv[2]:
    sys.exit(f'{sys.argv[1]}: expected PostScript name {sys.argv[2]}, got {name}')
print(f'{sys.argv[1]}: {name}, {len(font.getBestCmap())} characters, {len(font.getGlyphOrder())} glyphs',
      file=sys.stderr)
PY
done

# 3. The licence that must travel with the files.
{
  echo "Noto Sans CJK SC (subset): Copyright © 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'."
  echo "Noto is a trademark of Google Inc."
  echo
  echo "This Font Software is licensed under the SIL Open Font License, Version 1.1."
  echo "This license is copied below, and is also available with a FAQ at: https://openfontlicense.org"
  echo
  # The OFL text as Debian's copyright file carries it (indented, "." for blank lines).
  awk '/^License: SIL-1.1$/ && seen++ {on=1; next} on && /^License: / {exit} on' \
    /usr/share/doc/fonts-noto-cjk/copyright | sed -e 's/^ \.$//' -e 's/^ //'
} > "$OUT/LICENSE-OFL.txt"
grep -q 'SIL OPEN FONT LICENSE Version 1.1' "$OUT/LICENSE-OFL.txt" || { echo "OFL text not found" >&2; exit 1; }

ls -l "$OUT"
