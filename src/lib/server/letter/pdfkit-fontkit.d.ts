// pdfkit (since 0.20) registers an already parsed fontkit font, which letter-pdf.ts uses so that
// Noto's tables are parsed once per process instead of once per PDF; @types/pdfkit does not say so
// yet. This adds that overload.
import type { Font } from 'fontkit';

declare global {
	namespace PDFKit.Mixins {
		interface PDFFont {
			registerFont(name: string, src: Font): this;
		}
	}
}
