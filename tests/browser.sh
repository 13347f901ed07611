#!/usr/bin/env bash
# Browser test of the HTML gap report: renders the report of
# fixtures/packs/complete, hostile and hostile-output and opens each in headless
# Chromium to check that it draws (screenshot), prints (PDF), runs nothing and
# keeps trust-supplied text as text (DOM), and loads nothing over the network
# (net log). Exits non-zero on any failure; the last line is `N passed, M failed`.
#
#   tests/browser.sh            # from anywhere; installs Debian's chromium if missing
#   BROWSER_TEST_OUT=DIR tests/browser.sh   # keep the screenshots, PDFs and DOMs in DIR
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
AS_OF=2008-09-01
CHROMIUM="${CHROMIUM:-chromium}"
OUT="${BROWSER_TEST_OUT:-$(mktemp -d)}"
mkdir -p "$OUT"

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok     $1"; }
fail() { failed=$((failed + 1)); echo "FAILED $1"; }
check() { # check NAME COMMAND...: passes when COMMAND succeeds
    local name="$1"
    shift
    if "$@" >/dev/null 2>&1; then ok "$name"; else fail "$name"; fi
}
finish() {
    echo "artifacts in $OUT"
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit $?
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

# --- tools -------------------------------------------------------------------
if ! command -v "$CHROMIUM" >/dev/null 2>&1; then
    echo "installing Debian's chromium"
    as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
fi
if ! command -v python3 >/dev/null 2>&1; then
    as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3-minimal >/dev/null
fi
check "chromium is available" command -v "$CHROMIUM"
check "python3 is available (reads the net log)" command -v python3
if [ "$failed" -gt 0 ]; then finish; fi

# --- the binary --------------------------------------------------------------
echo "building accredit"
if ! (cd "$ROOT" && cargo build --quiet -p accredit); then
    fail "cargo build -p accredit"
    finish
fi
TARGET_DIR="${CARGO_TARGET_DIR:-$(cd "$ROOT" && cargo metadata --no-deps --format-version 1 | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')}"
ACCREDIT="$TARGET_DIR/debug/accredit"
check "the binary is built" test -x "$ACCREDIT"

# Headless Chromium with everything a test does not need switched off, and
# host names resolving nowhere so nothing can leave the machine whatever
# happens (requests are still recorded in the net log, and counted).
run_chromium() {
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
        --disable-background-networking --disable-component-update --disable-sync \
        --no-first-run --user-data-dir="$(mktemp -d)" \
        --host-resolver-rules="MAP * ~NOTFOUND" "$@" 2>>"$OUT/chromium.log"
}

# Lists the http(s) requests a page made, from a Chromium net log. Requests
# the browser makes for itself (updates, time, sign-in: initiator "not an
# origin") are not the page's and are only counted.
page_requests() {
    python3 - "$1" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
names = {number: name for name, number in log["constants"]["logEventTypes"].items()}
browser = 0
for event in log["events"]:
    if names.get(event["type"]) != "URL_REQUEST_START_JOB":
        continue
    params = event.get("params") or {}
    url = params.get("url", "")
    if not url.startswith(("http://", "https://")):
        continue
    if params.get("initiator") == "not an origin":
        browser += 1
    else:
        print(url)
print(f"(browser's own requests, not the page's: {browser})", file=sys.stderr)
PY
}

# --- the detector works: a page that loads things is caught -----------------
control="$OUT/control.html"
printf '<!DOCTYPE html><html><head><link rel="stylesheet" href="https://example.invalid/x.css"></head><body><img src="http://example.invalid/x.png"></body></html>\n' >"$control"
run_chromium --log-net-log="$OUT/control.netlog.json" --dump-dom "file://$control" >/dev/null
check "control: the net-log check sees a page's requests" \
    test "$(page_requests "$OUT/control.netlog.json" 2>/dev/null | wc -l)" -ge 2

# --- each report ---------------------------------------------------------------
png_size() { # width and height from the IHDR chunk
    od -An -tu1 -j16 -N8 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}'
}

for pack in complete hostile hostile-output; do
    html="$OUT/$pack.html"
    check "$pack: accredit report exits 0 (--require any)" \
        "$ACCREDIT" --color=never report "$ROOT/fixtures/packs/$pack" --as-of "$AS_OF" --require any -q -o "$html"
    if [ ! -s "$html" ]; then
        fail "$pack: the report was written"
        continue
    fi
    url="file://$html"

    png="$OUT/$pack.png"
    run_chromium --screenshot="$png" --window-size=1280,2400 "$url" >/dev/null
    check "$pack: screenshot exists" test -s "$png"
    check "$pack: screenshot is a PNG" test "$(head -c 8 "$png" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a
    check "$pack: screenshot is 1280x2400" test "$(png_size "$png" 2>/dev/null)" = 1280x2400
    check "$pack: screenshot is not blank (over 20 kB)" test "$(wc -c <"$png" 2>/dev/null || echo 0)" -gt 20000

    pdf="$OUT/$pack.pdf"
    run_chromium --no-pdf-header-footer --print-to-pdf="$pdf" "$url" >/dev/null
    check "$pack: PDF exists" test -s "$pdf"
    check "$pack: PDF starts with %PDF" test "$(head -c 4 "$pdf" 2>/dev/null)" = "%PDF"

    dom="$OUT/$pack.dom.html"
    netlog="$OUT/$pack.netlog.json"
    run_chromium --log-net-log="$netlog" --dump-dom "$url" >"$dom"
    check "$pack: DOM was dumped" test -s "$dom"
    check "$pack: no <script> element in the DOM" bash -c "! grep -qi '<script' '$dom'"
    check "$pack: the Content-Security-Policy meta is in the DOM" grep -q 'http-equiv="Content-Security-Policy"' "$dom"
    check "$pack: no event-handler attribute in the DOM" bash -c "! grep -Eqi '<[^>]*[[:space:]]on[a-z]+=' '$dom'"
    check "$pack: no javascript: link in the DOM" bash -c "! grep -Eqi 'href=\"[[:space:]]*javascript:' '$dom'"
    check "$pack: no <img> element in the DOM" bash -c "! grep -qi '<img' '$dom'"
    check "$pack: net log was written" test -s "$netlog"
    requests="$(page_requests "$netlog" 2>>"$OUT/chromium.log")"
    if [ -z "$requests" ] && [ -s "$netlog" ]; then
        ok "$pack: no http/https request from the page"
    else
        fail "$pack: no http/https request from the page"
        echo "$requests" | sed 's/^/         /'
    fi

    case "$pack" in
    complete)
        check "complete: the organisation is named" grep -q 'Harbourne Valley Hospitals NHS Trust' "$dom"
        check "complete: the verdict badge reads READY" grep -q '<span class="verdict-word">READY</span>' "$dom"
        ;;
    hostile)
        check "hostile: {{ 7*7 }} survives as text" grep -qF 'Valley {{ 7*7 }} NHS Trust' "$dom"
        check "hostile: {{ 7*7 }} is not evaluated to 49" bash -c "! grep -qE 'Valley 49 NHS|Meridian 49|Health \\[click\\]\\(javascript:alert\\(1\\)\\) 49' '$dom'"
        check "hostile: {{ 7*7 }} appears in every place it was put" test "$(grep -oF '{{ 7*7 }}' "$dom" | wc -l)" -ge 6
        check "hostile: <script> in the name shows as text" grep -qF '&lt;script&gt;alert("organisation")&lt;/script&gt;' "$dom"
        check "hostile: the waiver's text shows as text" grep -qF 'Attachments &lt;script&gt;alert("waiver")&lt;/script&gt;' "$dom"
        ;;
    hostile-output)
        check "hostile-output: terminal escapes show as visible text" grep -qF 'NHS Trust \x1b]52;c;ZXZpbA==\x07' "$dom"
        check "hostile-output: no control character reaches the page" bash -c "! LC_ALL=C grep -q \$'\\x1b' '$dom'"
        ;;
    esac
done

# --- printing: page count, page numbers, break rules --------------------------
# pdftotext -layout keeps each page's text, pages separated by form feeds.
page_texts() { pdftotext -layout "$1" - 2>/dev/null; }
pages_of() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }
# Every page ends with "Page N of M" (the @bottom-right margin box).
numbered_pages() {
    local pdf="$1" n
    n="$(pages_of "$pdf")"
    [ -n "$n" ] || return 1
    for i in $(seq 1 "$n"); do
        pdftotext -f "$i" -l "$i" -layout "$pdf" - 2>/dev/null | grep -q "Page $i of $n" || return 1
    done
}
# No page whose last line of text (above the page number) is a section heading.
stranded_headings() {
    local pdf="$1" n
    n="$(pages_of "$pdf")"
    for i in $(seq 1 "$n"); do
        pdftotext -f "$i" -l "$i" -layout "$pdf" - 2>/dev/null | grep -v '^[[:space:]]*$' | grep -v 'Page [0-9]* of [0-9]*' | tail -n 1 |
            grep -E '^[[:space:]]*([1-7] (Summary|Domain scores|Fix first|24/7 cover|Requirements|Waivers and overrides|Evidence index)|Sign-off|Summary|Packs|Domain scores|Most common gaps|Results by requirement)[[:space:]]*$' &&
            echo "page $i"
    done
}
# A fix-first card's title ("N. ID Title") as the last line of a page: the card was split.
stranded_cards() {
    local pdf="$1" n
    n="$(pages_of "$pdf")"
    for i in $(seq 1 "$n"); do
        pdftotext -f "$i" -l "$i" -layout "$pdf" - 2>/dev/null | grep -v '^[[:space:]]*$' | grep -v 'Page [0-9]* of [0-9]*' | tail -n 1 |
            grep -E '^[[:space:]]*[0-9]+\. [A-Z]+-[0-9]+ ' && echo "page $i"
    done
}

if command -v pdfinfo >/dev/null 2>&1 || { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq poppler-utils >/dev/null; }; then
    # The complete pack printed in 12 pages with a forced break per section;
    # flowing, it needs 10 (measured with Debian's Chromium 156). The
    # "Readiness by start date" section (runs and lapse calendar over 26
    # weeks) adds 4 more: 14.
    COMPLETE_PAGES_MAX=14
    print_pdf() { run_chromium --no-pdf-header-footer --print-to-pdf="$2" "file://$1" >/dev/null; }
    "$ACCREDIT" --color=never report "$ROOT/fixtures/packs/minimal" --as-of "$AS_OF" --require any -q -o "$OUT/not-ready.html"
    for name in complete not-ready; do
        html="$OUT/$name.html"
        pdf="$OUT/$name.print.pdf"
        print_pdf "$html" "$pdf"
        check "$name report: prints to PDF" test -s "$pdf"
        check "$name report: every page is numbered (Page N of M)" numbered_pages "$pdf"
        check "$name report: the running header names the organisation and the verdict on every page" \
            test "$(page_texts "$pdf" | grep -c 'gap report · Harbourne Valley Hospitals NHS Trust · ')" -eq "$(pages_of "$pdf")"
        check "$name report: no page ends with a section heading" test -z "$(stranded_headings "$pdf")"
        check "$name report: no page ends with a fix-first card's title" test -z "$(stranded_cards "$pdf")"
    done
    check "complete report: prints in at most $COMPLETE_PAGES_MAX pages (was 12)" test "$(pages_of "$OUT/complete.print.pdf")" -le "$COMPLETE_PAGES_MAX"
    check "complete report: the header says READY" grep -q 'READY' <(page_texts "$OUT/complete.print.pdf" | head -n 3)
    check "not-ready report: the header says NOT READY" grep -q 'NOT READY' <(page_texts "$OUT/not-ready.print.pdf" | head -n 3)
    check "complete report: requirement tables keep one column layout" \
        test "$(grep -c '<colgroup><col class="c-requirement">' "$OUT/complete.html")" -ge 9

    # --- the portfolio page ----------------------------------------------------
    portfolio="$OUT/caseload.html"
    "$ACCREDIT" --color=never portfolio "$ROOT/fixtures/caseload" "$ROOT/fixtures/packs/complete" --as-of "$AS_OF" \
        -q -o "$portfolio" --reports "$OUT/reports"
    check "portfolio: the page was written" test -s "$portfolio"
    check "portfolio: a gap report per assessed pack" test "$(find "$OUT/reports" -name '*.html' | wc -l)" -eq 5
    dom="$OUT/caseload.dom.html"
    netlog="$OUT/caseload.netlog.json"
    run_chromium --log-net-log="$netlog" --dump-dom "file://$portfolio" >"$dom"
    check "portfolio: no <script> element in the DOM" bash -c "! grep -qi '<script' '$dom'"
    check "portfolio: the Content-Security-Policy meta is in the DOM" grep -q 'http-equiv="Content-Security-Policy"' "$dom"
    check "portfolio: the invalid pack is flagged" grep -q 'INVALID EVIDENCE: 1 file, 2 errors' "$dom"
    check "portfolio: the hostile name stays text" grep -qF '<span class="organisation">=HYPERLINK("http://example.invalid"' "$dom"
    requests="$(page_requests "$netlog" 2>>"$OUT/chromium.log")"
    if [ -z "$requests" ] && [ -s "$netlog" ]; then
        ok "portfolio: no http/https request from the page"
    else
        fail "portfolio: no http/https request from the page"
    fi
    print_pdf "$portfolio" "$OUT/caseload.pdf"
    check "portfolio: prints to PDF" test -s "$OUT/caseload.pdf"
    check "portfolio: every page is numbered (Page N of M)" numbered_pages "$OUT/caseload.pdf"
    check "portfolio: no page ends with a section heading" test -z "$(stranded_headings "$OUT/caseload.pdf")"
    check "portfolio: every pack is listed in print" \
        test "$(page_texts "$OUT/caseload.pdf" | grep -c 'st-elsewhere-')" -ge 2
else
    fail "pdfinfo and pdftotext (poppler-utils) are available"
fi

finish
