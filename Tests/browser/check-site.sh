#!/usr/bin/env bash
# Loads the site written by `tthc site` in a real headless Chromium (file://, no network) and checks
# the DOM: the index lists the procedures and has the search box, the search script filters the index
# when the URL carries ?q=… (typed without accents), and a procedure page shows its sections.
#
#   Tests/browser/check-site.sh [path/to/tthc]        (default: .build/debug/tthc)
#   CHROMIUM=/path/to/chromium   to choose the browser; SCREENSHOTS=DIR to also save screenshots.
#
# The same checks run inside `swift test` (Tests/TTHCCommandsTests/SiteBrowserTests.swift), which
# skips them when no Chromium is installed unless TTHC_REQUIRE_CHROMIUM=1.
set -euo pipefail
cd "$(dirname "$0")/../.."

tthc=${1:-.build/debug/tthc}
browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
    for name in chromium chromium-browser google-chrome google-chrome-stable; do
        if command -v "$name" >/dev/null 2>&1; then browser=$(command -v "$name"); break; fi
    done
fi
if [ -z "$browser" ]; then
    echo "check-site: không tìm thấy Chromium (apt-get install -y chromium)" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$tthc" site -o "$work/site" --catalog Procedures >/dev/null

failures=0
dump() {  # dump URL → DOM on stdout
    timeout 90 "$browser" --headless --disable-gpu --no-sandbox --disable-dev-shm-usage --no-first-run \
        --user-data-dir="$work/profile" --dump-dom "$1" 2>/dev/null
}
expect() {  # expect FILE TEXT DESCRIPTION
    if grep -qF -- "$2" "$1"; then echo "ok   $3"; else echo "FAIL $3 (không thấy: $2)"; failures=$((failures + 1)); fi
}
refuse() {  # refuse FILE PATTERN DESCRIPTION (extended regular expression)
    if grep -qE -- "$2" "$1"; then echo "FAIL $3 (không được có: $2)"; failures=$((failures + 1)); else echo "ok   $3"; fi
}

dump "file://$work/site/index.html" > "$work/index.dom"
expect "$work/index.dom" "Đăng ký khai sinh" "mục lục có tên thủ tục"
expect "$work/index.dom" '<input id="q"' "mục lục có ô tìm kiếm"

dump "file://$work/site/index.html?q=dang%20ky%20khai%20sinh" > "$work/search.dom"
expect "$work/search.dom" 'data-id="dang-ky-khai-sinh"' "tìm không dấu: có mục Đăng ký khai sinh"
refuse "$work/search.dom" 'data-id="dang-ky-khai-sinh"[^>]*hidden' "tìm không dấu: không ẩn Đăng ký khai sinh"
if grep -qE 'data-id="dang-ky-khai-tu"[^>]*hidden' "$work/search.dom"; then echo "ok   tìm không dấu: ẩn Đăng ký khai tử"; else echo "FAIL tìm không dấu: Đăng ký khai tử không bị ẩn"; failures=$((failures + 1)); fi
if grep -qE 'data-id="chung-thuc-chu-ky"[^>]*hidden' "$work/search.dom"; then echo "ok   tìm không dấu: ẩn Chứng thực chữ ký"; else echo "FAIL tìm không dấu: Chứng thực chữ ký không bị ẩn"; failures=$((failures + 1)); fi
expect "$work/search.dom" "Tìm thấy " "tìm không dấu: có dòng đếm kết quả"

dump "file://$work/site/thu-tuc/dang-ky-khai-sinh.html" > "$work/page.dom"
expect "$work/page.dom" "<h1>Đăng ký khai sinh</h1>" "trang thủ tục có tiêu đề"
for heading in "Thành phần hồ sơ" "Thời hạn giải quyết" "Phí, lệ phí" "Trình tự thực hiện" "Căn cứ pháp lý" "Lịch sử phiên bản" "Cần rà soát"; do
    expect "$work/page.dom" "<h2>$heading</h2>" "trang thủ tục có mục $heading"
done
expect "$work/page.dom" "<svg" "trang thủ tục có sơ đồ trình tự"
refuse "$work/page.dom" '(src|href)="https?:' "không tải gì từ mạng"

if [ -n "${SCREENSHOTS:-}" ]; then
    mkdir -p "$SCREENSHOTS"
    for page in index.html thu-tuc/dang-ky-khai-sinh.html; do
        out="$SCREENSHOTS/$(basename "$page" .html).png"
        timeout 90 "$browser" --headless --disable-gpu --no-sandbox --disable-dev-shm-usage --hide-scrollbars \
            --user-data-dir="$work/profile" --window-size=1200,1600 --screenshot="$out" "file://$work/site/$page" >/dev/null 2>&1
        echo "ảnh chụp: $out"
    done
fi

if [ "$failures" -gt 0 ]; then
    echo "check-site: $failures kiểm tra không đạt" >&2
    exit 1
fi
echo "check-site: mọi kiểm tra đều đạt"
