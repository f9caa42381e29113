import { describe, expect, it } from 'vitest';
import { KioskFormSchema, KioskPinSchema, PaperSerialSchema } from './schemas';

describe('a kiosk for checked users', () => {
	it.each([
		[{ label: 'Library counter' }, true],
		[{ label: 'Day centre', usersServiceId: 'adult-social-care', pin: '4829' }, true],
		[{ label: 'Day centre', usersServiceId: 'adult-social-care', pin: '48291357' }, true],
		[{ label: 'Day centre', usersServiceId: 'adult-social-care', pin: '' }, false],
		[{ label: 'Day centre', usersServiceId: 'adult-social-care', pin: '482' }, false],
		[{ label: 'Day centre', usersServiceId: 'adult-social-care', pin: '482913570' }, false],
		[{ label: 'Day centre', usersServiceId: 'adult-social-care', pin: '48a9' }, false],
		[{ label: 'Library counter', usersServiceId: '', pin: '4829' }, false],
		[{ label: 'Day centre', usersServiceId: 'x'.repeat(41), pin: '4829' }, false]
	])('%o is %s', (form, ok) => {
		expect(KioskFormSchema.safeParse(form).success).toBe(ok);
	});

	it('asks for the PIN on the device in the resident’s language', () => {
		const r = KioskPinSchema.safeParse({ pin: ' ' });
		expect(r.success ? '' : r.error.issues[0].message).toBe('err_vote_kiosk_pin_required');
	});
});

describe('a paper keying’s checked user', () => {
	it('is blank for none, and bounded', () => {
		const base = { serial: 'P1', spoilt: '' };
		expect(PaperSerialSchema.parse({ ...base, checked: '' }).checked).toBeUndefined();
		expect(PaperSerialSchema.parse({ ...base, checked: 'libraries' }).checked).toBe('libraries');
		expect(PaperSerialSchema.safeParse({ ...base, checked: 'x'.repeat(41) }).success).toBe(false);
	});
});
