/**
 * The font of every PDF export. pdfkit's standard fonts (Helvetica …) only know WinAnsi, so a name such as
 * "Čedomir Šahinović", "Łucja Wójcik", "Ayşe Yılmaz" or "Nguyễn Thị Hương" could not print. We embed DejaVu Sans
 * instead (npm `dejavu-fonts-ttf`: Bitstream Vera licence, DejaVu's changes public domain): Latin with every
 * European and Vietnamese letter, Greek, Cyrillic, arrows, €, dashes and typographic quotes (Arabic and Hebrew
 * too, but pdfkit does not reorder mixed left-to-right and right-to-left text). pdfkit subsets it, so a
 * document carries only the glyphs it uses (about 20 kB), not the whole font (0.7 MB a face).
 *
 * No fallback font: characters DejaVu Sans lacks — most emoji (it has some faces such as 😀 and symbols such as
 * ✓ ★ ♥ ⚠, but not 👍 or 🎉), CJK, Thai, Devanagari — print as its missing-glyph box, an empty rectangle, so
 * the reader sees that something was written there. A second font would mean cutting every text into runs per
 * font, for characters that care-unit minutes and reports hardly ever hold.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

/** The names to pass to `doc.font()`. */
export const PDF_FONT = { regular: 'Tillit-Sans', bold: 'Tillit-Sans-Bold' } as const;

// Through Node's module resolution, so the same line finds the package in the workspace, in
// `node apps/api/dist/main.js` and in the Docker image (`pnpm deploy` copies the API's node_modules).
// Read and parsed once per process, at import: a missing font fails the start, not the first export, and an
// export does not parse 0.7 MB of font tables again (that was two thirds of its time). pdfkit takes the parsed
// font as it is; each document still makes its own subset.
const resolve = createRequire(import.meta.url).resolve;
const load = (file: string) => fontkit.create(readFileSync(resolve(`dejavu-fonts-ttf/ttf/${file}`)));
const FONTS = { regular: load('DejaVuSans.ttf'), bold: load('DejaVuSans-Bold.ttf') };

/** A new PDF with both faces registered and the regular one set, so no text can fall back to Helvetica. */
export function createPdf(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument(options);
  // @types/pdfkit only lists bytes and paths as a font source; pdfkit itself also takes a fontkit font.
  const source = (font: fontkit.Font) => font as unknown as Uint8Array;
  doc.registerFont(PDF_FONT.regular, source(FONTS.regular)).registerFont(PDF_FONT.bold, source(FONTS.bold));
  return doc.font(PDF_FONT.regular);
}

/**
 * Text people wrote, ready for `doc.text()`: line breaks as "\n" and tabs as spaces, other control characters
 * dropped. The font has no glyph for them, and pdfkit would draw its box.
 */
export function pdfText(s: string): string {
  return (
    s
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, ' ')
      // eslint-disable-next-line no-control-regex -- dropping control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
  );
}
