import { describe, expect, it } from 'vitest';
import { CodeBatchSchema } from './schemas';

describe('a code batch', () => {
	const base = { label: 'Day centre users', unit: 'person', size: '20' };

	it('is for anyone unless it names the service whose users it is for', () => {
		expect(CodeBatchSchema.parse({ ...base, serviceId: '' }).serviceId).toBeUndefined();
		expect(CodeBatchSchema.parse(base).serviceId).toBeUndefined();
		expect(CodeBatchSchema.parse({ ...base, serviceId: 'libraries' }).serviceId).toBe('libraries');
	});

	it('refuses a service id longer than any in the catalogue', () => {
		expect(CodeBatchSchema.safeParse({ ...base, serviceId: 'x'.repeat(41) }).success).toBe(false);
	});
});
