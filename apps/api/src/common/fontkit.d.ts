declare module 'fontkit' {
  /** A parsed font: pdfkit's `registerFont()` and `font()` take one as it is (they look for `layout`). */
  export interface Font {
    layout(text: string): unknown;
  }
  /** Parses a TrueType/OpenType font from its bytes. */
  export function create(buffer: Uint8Array): Font;
}
