/**
 * What a PDF made by pdfkit shows, read back for tests: the embedded fonts and the text of every page.
 *
 * pdfkit writes text as glyph ids of a subset font (`[<0001 0002> 0 <0003>] TJ`, Flate-compressed), so the
 * letters are not in the file as such. Each font's ToUnicode CMap says which characters each glyph id stands
 * for; decoding the content streams through it gives back the text as a reader (search, copy) gets it. This
 * reads pdfkit's own output only (one object per `N 0 obj`, `/Length` as a number, `bfrange` with arrays).
 */
import { inflateSync } from 'node:zlib';

export interface PdfFont {
  /** The resource name the page content uses (`/F2`). */
  resource: string;
  /** e.g. `CZZZZZ+DejaVuSans`: a subset tag, then the font's name. */
  baseFont: string;
  /** A font file is embedded (`/FontFile2` for TrueType). */
  embedded: boolean;
  /** Every character the font's ToUnicode map knows (for a subset: the characters the document uses). */
  characters: Set<string>;
}

export interface PdfRead {
  fonts: PdfFont[];
  /** The pages' text, a line per text-showing operator; line breaks inside a paragraph are line breaks here too. */
  text: string;
}

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const src = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const head = /(\d+) 0 obj\n/g;
  for (let m = head.exec(src); m; m = head.exec(src)) {
    const start = head.lastIndex;
    const end = src.indexOf('endobj', start);
    const streamAt = src.indexOf('stream\n', start);
    if (streamAt === -1 || streamAt > end) {
      out.set(Number(m[1]), { dict: src.slice(start, end), stream: null });
      continue;
    }
    const dict = src.slice(start, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dict)![1]);
    const raw = pdf.subarray(streamAt + 7, streamAt + 7 + length);
    out.set(Number(m[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
    head.lastIndex = streamAt + 7 + length;
  }
  return out;
}

const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);

/** A ToUnicode CMap as glyph id → characters. */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, start, list] of cmap.matchAll(/<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/gi)) {
    [...list!.matchAll(/<([0-9a-f ]+)>/gi)].forEach(([, units], i) => {
      const codes = units!.split(' ').map((u) => parseInt(u, 16));
      map.set(parseInt(start!, 16) + i, String.fromCharCode(...codes));
    });
  }
  return map;
}

export function readPdf(pdf: Buffer): PdfRead {
  const objs = objects(pdf);
  const glyphs = new Map<string, Map<number, string>>();
  const fonts: PdfFont[] = [];
  for (const { dict } of objs.values()) {
    const resources = /\/Font <<([^>]*)>>/.exec(dict)?.[1];
    for (const [, resource, num] of resources?.matchAll(/\/(\w+) (\d+) 0 R/g) ?? []) {
      if (glyphs.has(resource!)) continue;
      const font = objs.get(Number(num))!.dict;
      const cmap = toUnicode(objs.get(ref(font, 'ToUnicode'))?.stream?.toString('latin1') ?? '');
      const descendant = objs.get(Number(/\/DescendantFonts \[(\d+) 0 R\]/.exec(font)?.[1]))?.dict ?? '';
      const descriptor = objs.get(ref(descendant, 'FontDescriptor'))?.dict ?? '';
      glyphs.set(resource!, cmap);
      fonts.push({
        resource: resource!,
        baseFont: /\/BaseFont \/(\S+)/.exec(font)![1]!,
        embedded: /\/FontFile2 \d+ 0 R/.test(descriptor),
        characters: new Set(cmap.values()),
      });
    }
  }
  const lines: string[] = [];
  for (const { dict } of objs.values()) {
    if (!dict.includes('/Type /Page\n')) continue;
    const content = objs.get(ref(dict, 'Contents'))!.stream!.toString('latin1');
    let current = new Map<number, string>();
    for (const [, font, array, single] of content.matchAll(/\/(\w+) [\d.]+ Tf|\[([^\]]*)\] TJ|(<[0-9a-f]*>) Tj/gi)) {
      if (font) {
        current = glyphs.get(font) ?? new Map();
        continue;
      }
      const hex = [...(array ?? single!).matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]).join('');
      lines.push(hex.replace(/[0-9a-f]{4}/gi, (id) => current.get(parseInt(id, 16)) ?? '\ufffd'));
    }
  }
  return { fonts, text: lines.join('\n') };
}
