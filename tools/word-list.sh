#!/bin/sh
# Regenerates the shipped Azerbaijani word list (docs/publishing.md, "The word list"):
#   1. words-az.txt         from the core vocabulary, the 2012 order and content/ (WordListBuilder);
#   2. words-az-corpus.txt.gz from the word list of Tesseract's Azerbaijani model (CorpusWords),
#      filtered against words-az.txt, so it runs second.
# Needs tesseract's tools and model: apt-get install tesseract-ocr tesseract-ocr-aze
# (combine_tessdata and dawg2wordlist come with tesseract-ocr). The build and the tests do not.
# Usage: tools/word-list.sh [ORDER_TXT]   (default: /work/shared/seed/ministry-order-2012.txt)
set -eu
cd "$(dirname "$0")/.."
ORDER=${1:-/work/shared/seed/ministry-order-2012.txt}
MODEL=${TESSDATA:-/usr/share/tesseract-ocr/5/tessdata}/aze.traineddata
RES=src/main/resources/az/disclose/publish
[ -f "$MODEL" ] || { echo "no $MODEL: apt-get install tesseract-ocr-aze (or set TESSDATA)" >&2; exit 1; }
[ -f "$ORDER" ] || { echo "no $ORDER: give the 2012 order's text as the first argument" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mvn -B -q -o compile dependency:build-classpath -Dmdep.outputFile="$TMP/cp.txt"
CP="target/classes:$(cat "$TMP/cp.txt")"
java -cp "$CP" az.disclose.publish.WordListBuilder "$RES/words-az.txt" "$RES/words-az-core.txt" "$ORDER" content
mvn -B -q -o process-resources   # the corpus filter reads the new words-az.txt from the class path
combine_tessdata -u "$MODEL" "$TMP/aze." >/dev/null
dawg2wordlist "$TMP/aze.lstm-unicharset" "$TMP/aze.lstm-word-dawg" "$TMP/words.txt" >/dev/null 2>&1
java -cp "$CP" az.disclose.publish.CorpusWords "$TMP/words.txt" "$RES/words-az-corpus.txt.gz"
