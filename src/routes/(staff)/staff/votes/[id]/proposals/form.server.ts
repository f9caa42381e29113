// Reading a proposal form: the fields through the zod schema, the picture checked by hand.
import { ProposalFormSchema } from '$lib/vote/schemas';
import { parseForm, type FieldErrors, type FormValues } from '$lib/forms/parse';
import type { ProposalInput } from '$lib/server/budget/votes';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
const IMAGE_MAX = 1_500_000;

export async function readProposalForm(
	request: Request
): Promise<
	| { ok: true; input: ProposalInput & { removeImage: boolean }; values: FormValues }
	| { ok: false; values: FormValues; errors: FieldErrors }
> {
	const formData = await request.formData();
	const parsed = parseForm(ProposalFormSchema, formData);
	const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
	const file = formData.get('image');
	let image: ProposalInput['image'] = null;
	if (file instanceof File && file.size > 0) {
		if (!IMAGE_TYPES.includes(file.type)) errors.image = 'The picture must be a PNG, JPEG or WebP';
		else if (file.size > IMAGE_MAX) errors.image = 'The picture must be 1.5 MB or smaller';
		else image = { mime: file.type, bytes: Buffer.from(await file.arrayBuffer()) };
	}
	if (!parsed.ok || Object.keys(errors).length) return { ok: false, values: parsed.values, errors };
	const d = parsed.data;
	return {
		ok: true,
		values: parsed.values,
		input: {
			title: d.title,
			titleCy: d.titleCy ?? null,
			description: d.description,
			descriptionCy: d.descriptionCy ?? null,
			easyRead: d.easyRead ?? null,
			easyReadCy: d.easyReadCy ?? null,
			kind: d.kind,
			amount: Math.round(d.amount * 100),
			serviceId: d.serviceId,
			affects: [...new Set(d.affects)],
			imageAlt: d.imageAlt ?? null,
			image,
			removeImage: formData.get('removeImage') === 'yes'
		}
	};
}
