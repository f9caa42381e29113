import QRCode from 'qrcode';

/**
 * A QR code for a URL as an SVG data URI, for an <img> (no {@html}); medium error correction
 * survives a crumpled letter or a projector's glare.
 */
export async function qrDataUri(text: string): Promise<string> {
	const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
