import { describe, expect, it } from 'vitest';
import { demoEvidence } from '../test/decision';
import {
	adverseImpacts,
	eqiaCsvRows,
	eqiaOrder,
	eqiaProblems,
	eqiaSections,
	markImpacts,
	signOff,
	writeMitigations
} from './eqia';
import { emptyEqia, type Eqia } from './record';

const evidence = demoEvidence();
const keysOf = (eqia: Eqia) => adverseImpacts(evidence, eqia).map((a) => a.row.key);
const SIGNER = { name: 'Dana Equality', role: 'Equality officer', date: '2026-11-03' };

/** Every adverse impact mitigated and owned, with a judgement and reasons. */
function complete(eqia = emptyEqia()): Eqia {
	return writeMitigations(
		evidence,
		eqia,
		keysOf(eqia).map((key) => ({
			key,
			mitigation: 'Keep a place for everyone',
			owner: 'Head of Service'
		})),
		'continue',
		'The savings are needed and every impact is mitigated.'
	);
}

describe('the order of the assessment', () => {
	it('lists the override order first, then other savings, then developments, each by rank', () => {
		expect(eqiaOrder(evidence).map((p) => p.id)).toEqual([
			'transport',
			'centres',
			'offices',
			'golf',
			'drivers',
			'placements'
		]);
	});

	it('gives each saving in the override order its place', () => {
		expect(eqiaSections(evidence, emptyEqia()).map((s) => s.overridePlace)).toEqual([
			1,
			2,
			null,
			null,
			null,
			null
		]);
	});

	it('is empty without a closed vote', () => {
		expect(eqiaOrder(demoEvidence({ vote: false }))).toEqual([]);
	});
});

describe('adverse impacts', () => {
	it('starts with every impact the count found: protections, too close to call and flags', () => {
		expect(keysOf(emptyEqia())).toEqual([
			'transport-older',
			'centres-users',
			'centres-disabled',
			'centres-users+disabled',
			'golf-older'
		]);
	});

	it('lets the assessor add an impact', () => {
		const eqia = markImpacts(evidence, emptyEqia(), 'offices', ['disabled']);
		expect(keysOf(eqia)).toContain('offices-disabled');
	});

	it('never lets the assessor remove an impact the count found', () => {
		const eqia = markImpacts(evidence, emptyEqia(), 'golf', []);
		expect(keysOf(eqia)).toContain('golf-older');
	});

	it('keeps a mitigation already written when the marks change', () => {
		const eqia = markImpacts(evidence, complete(), 'golf', ['disabled']);
		const golf = eqiaSections(evidence, eqia).find((s) => s.proposal.id === 'golf')!;
		expect(golf.rows.find((r) => r.group.group === 'older')?.mitigation).toBe(
			'Keep a place for everyone'
		);
	});

	it.each([
		['marking impacts', (e: Eqia) => markImpacts(evidence, e, 'offices', [])],
		['writing mitigations', (e: Eqia) => writeMitigations(evidence, e, [], e.judgement, e.reasons)]
	])('%s clears the sign-off', (_, change) => {
		const signed = signOff(evidence, complete(), SIGNER, '2026-11-03');
		expect(signed.ok && signed.eqia.signOff).toBeTruthy();
		if (signed.ok) expect(change(signed.eqia).signOff).toBeNull();
	});
});

describe('signing off', () => {
	it('is refused while an adverse impact has no mitigation, with the message on that field', () => {
		const eqia = writeMitigations(
			evidence,
			complete(),
			[{ key: 'golf-older', mitigation: '', owner: 'Leisure manager' }],
			'continue',
			'Justified'
		);
		const result = signOff(evidence, eqia, SIGNER, '2026-11-03');
		expect(result).toEqual({
			ok: false,
			errors: {
				'mitigation-golf-older':
					'Write how the adverse impact of “golf” on Older people is mitigated before signing off'
			}
		});
	});

	it.each([
		['an owner', { key: 'centres-users', mitigation: 'x', owner: '' }, 'owner-centres-users'],
		[
			'a mitigation',
			{ key: 'centres-users+disabled', mitigation: ' ', owner: 'x' },
			'mitigation-centres-users+disabled'
		]
	])('needs %s for every adverse impact', (_, entry, field) => {
		const eqia = writeMitigations(evidence, complete(), [entry], 'continue', 'Justified');
		expect(Object.keys(eqiaProblems(evidence, eqia))).toEqual([field]);
	});

	it.each([
		[null, 'x', 'judgement', 'Choose the overall judgement'],
		['continue', '', 'reasons', 'Justify continuing despite the adverse impacts'],
		['adjust', '', 'reasons', 'Give the reasons for the judgement']
	] as const)('judgement %s with reasons %j: %s', (judgement, reasons, field, message) => {
		const eqia = { ...complete(), judgement, reasons };
		expect(eqiaProblems(evidence, eqia)).toEqual({ [field]: message });
	});

	it.each([
		[{ ...SIGNER, name: '' }, 'signOffName'],
		[{ ...SIGNER, role: ' ' }, 'signOffRole'],
		[{ ...SIGNER, date: '2026-02-30' }, 'signOffDate'],
		[{ ...SIGNER, date: '2026-11-04' }, 'signOffDate']
	])('needs a name, role and a real date not in the future: %j', (by, field) => {
		const result = signOff(evidence, complete(), by, '2026-11-03');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(Object.keys(result.errors)).toEqual([field]);
	});

	it('signs a complete assessment', () => {
		const result = signOff(evidence, complete(), SIGNER, '2026-11-03');
		expect(result.ok && result.eqia.signOff).toEqual(SIGNER);
	});

	it('signs an assessment with no vote once it has a judgement and reasons', () => {
		const none = demoEvidence({ vote: false });
		const eqia = writeMitigations(none, emptyEqia(), [], 'noMajorChange', 'No group is affected.');
		expect(signOff(none, eqia, SIGNER, '2026-11-03').ok).toBe(true);
	});
});

describe('the export', () => {
	it('has one row per proposal and group, suppressed groups without figures', () => {
		const rows = eqiaCsvRows(evidence, complete());
		expect(rows[0]).toContain('Mitigation');
		const young = rows.find((r) => r[1] === 'golf' && r[6] === 'Young people')!;
		expect(young.slice(8, 12)).toEqual(['fewer than 10', null, null, null]);
		const older = rows.find((r) => r[1] === 'transport' && r[6] === 'Older people')!;
		expect(older.slice(8, 17)).toEqual([
			30,
			43.3,
			56.7,
			0,
			'Too close to call',
			3,
			true,
			'Keep a place for everyone',
			'Head of Service'
		]);
		expect(rows.at(-3)).toEqual([
			'Overall judgement',
			'Continue despite adverse impacts, with the justification below'
		]);
	});
});
