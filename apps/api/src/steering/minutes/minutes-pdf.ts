import PDFDocument from 'pdfkit';
import type { Block } from './minutes-document.js';

/**
 * The minutes as a PDF (A4, Helvetica). The standard PDF fonts cover Western European letters (å, ä, ö, é …);
 * other characters are replaced with "?" rather than drawn wrong.
 */
export function toPdf(blocks: Block[], title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Creator: 'Tillit' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // eslint-disable-next-line no-control-regex
  const safe = (s: string) => s.replace(/[^\u0009\u000a\u000d\u0020-\u007e\u00a0-\u00ff–—‘’“”…•€]/g, '?');
  for (const b of blocks) {
    switch (b.kind) {
      case 'h1':
        doc.font('Helvetica-Bold').fontSize(20).text(safe(b.text)).moveDown(0.3);
        break;
      case 'meta':
        doc.font('Helvetica').fontSize(10).fillColor('#444444').text(safe(b.text)).fillColor('#000000');
        break;
      case 'h2':
        doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(safe(b.text)).moveDown(0.2);
        break;
      case 'p':
        doc.font('Helvetica').fontSize(11).text(safe(b.text)).moveDown(0.2);
        break;
      case 'li': {
        const nested = b.text.startsWith('    ');
        doc.font('Helvetica').fontSize(11).text(`• ${safe(b.text.trim())}`, { indent: nested ? 28 : 10 });
        break;
      }
    }
  }
  doc.end();
  return done;
}
