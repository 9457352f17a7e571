#!/usr/bin/env bash
# Makes sure the system programs the tests drive are installed: Debian's Chromium (e2e),
# LibreOffice Writer and poppler-utils (the independent DOCX check), fonts with Arabic, and
# Python's lxml for the strict DOCX validator (tools/ooxml).
# Installs what is missing when it can (root with apt-get); otherwise stops and names them.
set -euo pipefail

missing=()
command -v "${CHROMIUM_PATH:-/usr/bin/chromium}" >/dev/null 2>&1 || missing+=(chromium)
command -v libreoffice >/dev/null 2>&1 || missing+=(libreoffice-writer)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if ! "${OOXML_PYTHON:-/usr/bin/python3}" -c 'import lxml' >/dev/null 2>&1; then missing+=(python3-lxml); fi
if ! fc-list : family 2>/dev/null | grep -i 'naskh arabic' >/dev/null; then missing+=(fonts-noto-core); fi
if ! fc-list : family 2>/dev/null | grep -i 'kacst' >/dev/null; then missing+=(fonts-kacst); fi
if ! fc-list : family 2>/dev/null | grep -i 'liberation' >/dev/null; then missing+=(fonts-liberation2); fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Tests need these system packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; fi
fi
if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ]; }; then
  echo "Installing them with apt-get (a few minutes the first time)..."
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "Installed: ${missing[*]}"
  exit 0
fi

echo "Cannot install them here. Please run:" >&2
echo "  sudo apt-get install --no-install-recommends ${missing[*]}" >&2
exit 1
