#!/usr/bin/env bash
# How much of the full build Markdown is: bench/site-build.sh with a variant of this checkout whose
# news pages carry their Markdown text escaped instead of rendered by commonmark (everything else
# as it is: reading the body, the template, writing, the links), measured in the same alternation
# as Hugo and this checkout. The variant is a temporary git worktree of HEAD with that one line
# changed; it is removed at the end. Not a site anyone should publish: a lower bound for what any
# Markdown implementation could make of the full build.
#
#   bench/without-markdown.sh [N]      (default N=10000; the BENCH_* settings of site-build.sh apply)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-10000}"
FILE="src/main/java/az/disclose/site/SiteBuilder.java"
RENDER='body = markdown.toHtml(item.body().read());'
ESCAPE='body = "<p>" + org.jsoup.nodes.Entities.escape(item.body().read()) + "</p>";'

VARIANT="$(mktemp -d "${TMPDIR:-/tmp}/disclose-no-markdown.XXXXXX")"
cleanup() { git -C "$ROOT" worktree remove --force "$VARIANT" >/dev/null 2>&1 || rm -rf "$VARIANT"; }
trap cleanup EXIT
git -C "$ROOT" worktree add --detach --force "$VARIANT" HEAD >/dev/null
grep -qF "$RENDER" "$VARIANT/$FILE" || { echo "the news page's Markdown call is not in $FILE any more: update $0" >&2; exit 1; }
RENDER="$RENDER" ESCAPE="$ESCAPE" perl -0pi -e 's/\Q$ENV{RENDER}\E/$ENV{ESCAPE}/' "$VARIANT/$FILE"
grep -qF "$ESCAPE" "$VARIANT/$FILE" || { echo "could not make the variant" >&2; exit 1; }
echo "variant: news pages without Markdown rendering ($VARIANT)" >&2
BENCH_VARIANT="$VARIANT" "$ROOT/bench/site-build.sh" "$N"
