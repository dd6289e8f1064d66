#!/usr/bin/env bash
# Install what the PDFs and browser tests need, when missing and when we can:
# Chromium, Noto CJK fonts (Simplified Chinese), poppler-utils (pdffonts, pdftotext, pdftoppm).
# Never fails the build: without them the site still builds and the PDFs are skipped.
set -u
missing=()
command -v chromium >/dev/null 2>&1 || [ -n "${HANDBOOK_CHROMIUM:-}" ] || missing+=(chromium)
fc-list 2>/dev/null | grep -q "Noto Sans CJK SC" || missing+=(fonts-noto-cjk)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
    echo "system packages missing (${missing[*]}): install them to get the PDFs"; exit 0; fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system packages missing (${missing[*]}) and no apt-get: PDFs will be skipped"; exit 0
fi
echo "installing ${missing[*]} (apt-get)…"
$sudo apt-get update -qq >/dev/null 2>&1
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
  || echo "could not install ${missing[*]}: PDFs will be skipped"
exit 0
