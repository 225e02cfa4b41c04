#!/usr/bin/env bash
# Extraction quality with the shared scorers (../shared/eval), each article set read in one process.
#   scripts/eval.sh                 the dev set, the test fixtures, the twenty-three blind sets and the two probe batteries
#                                   (holdouts: aggregate only), PolNeAR dev, both TimeBanks
#   scripts/eval.sh DIR [DIR…]      only these folders of NAME.article.json + NAME.gold.json
# Prints the scorers' tables; writes nothing in the project.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
SHARED=${SHARED:-../shared/eval}
if [ ! -d "$SHARED" ]; then
  echo "no $SHARED beside the project: the scorers and gold files live there; nothing to measure"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

score_set() {  # folder, scorer
  local gold=$1 scorer=$2 name
  name=$(basename "$gold")
  echo "== $gold ($scorer)"
  "$PY" manage.py extract "$gold" --out "$work/$name" 2>/dev/null
  python3 "$SHARED/$scorer" --gold "$gold" --pred "$work/$name" | tail -n 12
}

if [ $# -gt 0 ]; then
  for dir in "$@"; do score_set "$dir" score.py; done
  exit 0
fi
score_set "$SHARED/dev" score.py
score_set tests/fixtures/articles score.py
# the blind sets: dev in full; each holdout as its aggregate line only (tests/fixtures/blind*/README.md:
# never tune on a holdout's rows)
for set in blind blind2 blind3 blind4 blind5 blind6 blind8 blind9 blind10 blind11 blind12 blind13 blind14 blind15 blind16 blind17 blind18 blind19 blind20 blind21 blind22 blind23 probes qprobes; do
  score_set "tests/fixtures/$set/dev" score.py
  echo "== tests/fixtures/$set/holdout (score.py, aggregate only)"
  "$PY" manage.py extract "tests/fixtures/$set/holdout" --out "$work/$set-holdout" 2>/dev/null
  python3 "$SHARED/score.py" --gold "tests/fixtures/$set/holdout" --pred "$work/$set-holdout" --json | tail -n 1
done
# blind7 is a holdout only (no dev half): it measures, once, the work of the stop that made it
echo "== tests/fixtures/blind7/holdout (score.py, aggregate only)"
"$PY" manage.py extract tests/fixtures/blind7/holdout --out "$work/blind7-holdout" 2>/dev/null
python3 "$SHARED/score.py" --gold tests/fixtures/blind7/holdout --pred "$work/blind7-holdout" --json | tail -n 1
score_set "$SHARED/peer/attribution/dev" score_attribution.py
echo "== French TimeBank"
python3 "$SHARED/timex_score.py" --data "$SHARED/peer/fr_timebank/Data" \
  --run "$PY manage.py resolve_dates --dct {dct} --language fr {text}" | tail -n 3
echo "== TempEval-3 platinum"
python3 "$SHARED/timex_score.py" --data "$SHARED/peer/te3_platinum" \
  --run "$PY manage.py resolve_dates --dct {dct} --language en {text}" | tail -n 3
