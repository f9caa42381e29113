/**
 * The demo's pictures for the libraries vote's proposals: simple drawings (shapes on a plain
 * background) made as PNG files here, so the demo has no binary files and easy read has a
 * picture to show beside each idea. A council uploads its own pictures with each proposal.
 */
import { crc32, deflateSync } from 'node:zlib';

type Colour = readonly [number, number, number];
type Shape =
	| { rect: [x: number, y: number, w: number, h: number]; fill: Colour }
	| { circle: [cx: number, cy: number, r: number]; fill: Colour };

const W = 160;
const H = 120;
const SKY: Colour = [222, 236, 247];
const INK: Colour = [11, 12, 12];
const BROWN: Colour = [140, 86, 44];
const TEAL: Colour = [0, 112, 120];
const YELLOW: Colour = [255, 221, 0];
const WHITE: Colour = [255, 255, 255];
const RED: Colour = [190, 40, 40];

function chunk(type: string, data: Buffer): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'latin1');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
	return Buffer.concat([head, data, crc]);
}

/** A PNG (8-bit RGB) of the shapes painted in order over a plain background. */
export function drawing(shapes: readonly Shape[], background: Colour = SKY): Buffer {
	const rows = Buffer.alloc((W * 3 + 1) * H);
	for (let y = 0; y < H; y++) {
		const row = y * (W * 3 + 1);
		for (let x = 0; x < W; x++) {
			let c = background;
			for (const s of shapes) {
				const inside =
					'rect' in s
						? x >= s.rect[0] &&
							x < s.rect[0] + s.rect[2] &&
							y >= s.rect[1] &&
							y < s.rect[1] + s.rect[3]
						: (x - s.circle[0]) ** 2 + (y - s.circle[1]) ** 2 <= s.circle[2] ** 2;
				if (inside) c = s.fill;
			}
			rows.set(c, row + 1 + x * 3);
		}
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(W, 0);
	header.writeUInt32BE(H, 4);
	header.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows)),
		chunk('IEND', Buffer.alloc(0))
	]);
}

const r = (x: number, y: number, w: number, h: number, fill: Colour): Shape => ({
	rect: [x, y, w, h],
	fill
});
const c = (cx: number, cy: number, radius: number, fill: Colour): Shape => ({
	circle: [cx, cy, radius],
	fill
});

/** The pictures by name, each with the words for people who cannot see it. */
export const DEMO_PICTURES = {
	door: {
		alt: 'A drawing of a library door with a card reader beside it',
		shapes: [
			r(50, 15, 60, 100, BROWN),
			r(58, 23, 44, 84, [170, 112, 64]),
			c(95, 68, 4, YELLOW),
			r(118, 55, 14, 22, INK),
			r(121, 60, 8, 5, TEAL)
		]
	},
	van: {
		alt: 'A drawing of a library van',
		shapes: [
			r(20, 35, 95, 55, TEAL),
			r(115, 55, 30, 35, TEAL),
			r(120, 60, 18, 14, WHITE),
			r(30, 45, 60, 12, WHITE),
			c(45, 92, 12, INK),
			c(125, 92, 12, INK),
			c(45, 92, 5, WHITE),
			c(125, 92, 5, WHITE)
		]
	},
	clock: {
		alt: 'A drawing of a clock showing one o’clock',
		shapes: [
			c(80, 60, 48, INK),
			c(80, 60, 43, WHITE),
			r(78, 24, 4, 38, INK),
			r(80, 40, 4, 4, INK),
			r(84, 36, 4, 4, INK),
			r(88, 32, 4, 4, INK),
			r(92, 28, 4, 8, INK),
			c(80, 60, 5, RED)
		]
	},
	homework: {
		alt: 'A drawing of an open exercise book and a pencil',
		shapes: [
			r(25, 30, 52, 70, WHITE),
			r(83, 30, 52, 70, WHITE),
			r(77, 28, 6, 74, INK),
			r(33, 45, 36, 3, TEAL),
			r(33, 58, 36, 3, TEAL),
			r(33, 71, 28, 3, TEAL),
			r(91, 45, 36, 3, TEAL),
			r(91, 58, 20, 3, TEAL),
			r(120, 15, 10, 60, YELLOW),
			r(120, 75, 10, 10, BROWN)
		]
	},
	room: {
		alt: 'A drawing of people sitting round a table',
		shapes: [
			r(35, 62, 90, 14, BROWN),
			r(40, 76, 6, 30, BROWN),
			r(114, 76, 6, 30, BROWN),
			c(45, 42, 12, TEAL),
			c(80, 38, 12, RED),
			c(115, 42, 12, TEAL),
			r(35, 52, 20, 12, TEAL),
			r(70, 48, 20, 14, RED),
			r(105, 52, 20, 12, TEAL)
		]
	}
} satisfies Record<string, { alt: string; shapes: Shape[] }>;

/** A demo picture as a proposal's image. */
export function demoPicture(name: keyof typeof DEMO_PICTURES) {
	const p = DEMO_PICTURES[name];
	return { imageAlt: p.alt, image: { mime: 'image/png', bytes: drawing(p.shapes) } };
}
