import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256';

// Known answers from FIPS 180-2 and a UTF-8 text, so the helper is checked against SHA-256
// itself rather than against another library's output.
describe('sha256Hex', () => {
	it.each([
		['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
		['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
		[
			'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
			'248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'
		]
	])('hashes %j', (text, hex) => {
		expect(sha256Hex(text)).toBe(hex);
	});

	it('hashes the UTF-8 bytes of Welsh text', () => {
		// "ŵ" is two bytes in UTF-8: hashing UTF-16 code units would give another answer.
		expect(sha256Hex('ŵ')).toBe(sha256Hex('\u0175'));
		expect(sha256Hex('ŵ')).not.toBe(sha256Hex('u'));
		expect(sha256Hex('ŵ')).toHaveLength(64);
	});
});
