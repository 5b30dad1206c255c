#!/usr/bin/env bash
# Sourced by test.sh and run.sh: adds to need_packages what homework reading needs and is missing
# (OCR with orientation detection, scanned-PDF rendering, HEIC photos, the fonts worksheets are drawn with).
for tool in tesseract:tesseract-ocr pdftoppm:poppler-utils heif-convert:libheif-examples; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || need_packages+=("${tool#*:}")
done
[ -f /usr/share/tesseract-ocr/5/tessdata/eng.traineddata ] || need_packages+=(tesseract-ocr-eng)
[ -f /usr/share/tesseract-ocr/5/tessdata/osd.traineddata ] || need_packages+=(tesseract-ocr-osd)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_packages+=(fonts-dejavu-core)
# Magick.NET's bundled fontconfig needs to be told where Debian keeps its configuration.
export FONTCONFIG_PATH=${FONTCONFIG_PATH:-/etc/fonts}
