declare module 'svg-to-pdfkit' {
  /** Draws an SVG (as a string) onto a PDFKit document at x, y. */
  export default function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x: number,
    y: number,
    options?: {
      width?: number;
      height?: number;
      assumePt?: boolean;
      preserveAspectRatio?: string;
      /** The name (or source) of the font pdfkit should use for a text element; the default picks a standard font. */
      fontCallback?: (
        family: string,
        bold: boolean,
        italic: boolean,
        fontOptions: { fauxItalic: boolean; fauxBold: boolean },
      ) => string;
    },
  ): void;
}
