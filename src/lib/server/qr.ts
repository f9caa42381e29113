import QRCode from 'qrcode';

/** An SVG QR code for a URL, sized by the page; medium error correction survives a crumpled letter. */
export function qrSvg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}
