import { createPdf, PDF_FONT, pdfText } from '../../common/pdf-fonts.js';
import type { Block } from './minutes-document.js';

/** The minutes as a PDF (A4, DejaVu Sans embedded: every name prints as written, see common/pdf-fonts.ts). */
export function toPdf(blocks: Block[], title: string): Promise<Buffer> {
  const doc = createPdf({ size: 'A4', margin: 56, info: { Title: title, Creator: 'Tillit' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const b of blocks) {
    switch (b.kind) {
      case 'h1':
        doc.font(PDF_FONT.bold).fontSize(20).text(pdfText(b.text)).moveDown(0.3);
        break;
      case 'meta':
        doc.font(PDF_FONT.regular).fontSize(10).fillColor('#444444').text(pdfText(b.text)).fillColor('#000000');
        break;
      case 'h2':
        doc.moveDown(0.8).font(PDF_FONT.bold).fontSize(13).text(pdfText(b.text)).moveDown(0.2);
        break;
      case 'p':
        doc.font(PDF_FONT.regular).fontSize(11).text(pdfText(b.text)).moveDown(0.2);
        break;
      case 'li': {
        const nested = b.text.startsWith('    ');
        doc
          .font(PDF_FONT.regular)
          .fontSize(11)
          .text(`• ${pdfText(b.text.trim())}`, { indent: nested ? 28 : 10 });
        break;
      }
    }
  }
  doc.end();
  return done;
}
