#!/bin/sh
# Hoe de echte PDF's in deze map gemaakt zijn: Ghostscript 10.00.0 (Debian-pakket ghostscript) uit brief.ps.
# Niet nodig voor de tests (de PDF's staan erbij); wel om ze opnieuw te maken. Draai in deze map.
set -e
GS_LIB=/usr/share/ghostscript/10.00.0
cp "$GS_LIB/iccprofiles/default_rgb.icc" srgb.icc
sed -e 's|/ICCProfile (.*) %|/ICCProfile (srgb.icc) %|' "$GS_LIB/lib/PDFA_def.ps" > PDFA_def.ps
for deel in 1 2; do
  gs -q -dNOPAUSE -dBATCH --permit-file-read=srgb.icc -sDEVICE=pdfwrite -dPDFA=$deel -dPDFACompatibilityPolicy=1 \
     -sColorConversionStrategy=RGB -sOutputFile=gs-pdfa${deel}b.pdf PDFA_def.ps brief.ps
done
# Zonder leesrecht op het profiel breekt Ghostscript de PDF/A-omzetting af ("output may not be a PDF/A file").
gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -dPDFA=2 -dPDFACompatibilityPolicy=1 -sColorConversionStrategy=RGB \
   -sOutputFile=gs-pdfa2b-zonder-profiel.pdf "$GS_LIB/lib/PDFA_def.ps" brief.ps || true
gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -sOutputFile=gs-gewoon.pdf brief.ps
rm srgb.icc PDFA_def.ps
