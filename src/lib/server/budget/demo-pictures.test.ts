import { describe, expect, it } from 'vitest';
import { DEMO_PICTURES, demoPicture, drawing } from './demo-pictures';

describe("the demo's pictures", () => {
	it('are PNG files 160 by 120, with their signature and header', () => {
		const png = drawing([{ rect: [0, 0, 10, 10], fill: [0, 0, 0] }]);
		expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([160, 120]);
		expect(png.subarray(-8, -4).toString('latin1')).toBe('IEND');
	});

	it.each(Object.keys(DEMO_PICTURES) as (keyof typeof DEMO_PICTURES)[])(
		'%s has words for people who cannot see it, and is a PNG',
		(name) => {
			const p = demoPicture(name);
			expect(p.imageAlt).toMatch(/^A drawing of /);
			expect(p.image.mime).toBe('image/png');
			expect(p.image.bytes.length).toBeGreaterThan(100);
		}
	);

	it('draws each picture differently', () => {
		const bytes = Object.keys(DEMO_PICTURES).map((n) =>
			demoPicture(n as keyof typeof DEMO_PICTURES).image.bytes.toString('base64')
		);
		expect(new Set(bytes).size).toBe(bytes.length);
	});
});
