// The charter's fixed words (kinds of party, contribution, progress) in the reader's language.
import type { CommitmentKind, PartyKind } from '$lib/charter/charter';
import type { RagStatus } from '$lib/charter/review';
import { m } from '$lib/paraglide/messages';

type Message = () => string;

export const PARTY_KIND_NAMES: Record<PartyKind, Message> = {
	commissioner: m.charter_kind_commissioner,
	provider: m.charter_kind_provider,
	community: m.charter_kind_community
};

export const CONTRIBUTION_LABELS: Record<CommitmentKind, Message> = {
	money: m.charter_contribution_money,
	'staff-time': m.charter_contribution_staff_time,
	'volunteer-hours': m.charter_contribution_volunteer_hours,
	buildings: m.charter_contribution_buildings,
	information: m.charter_contribution_information,
	decisions: m.charter_contribution_decisions,
	other: m.charter_contribution_other
};

export const RAG_NAMES: Record<RagStatus, Message> = {
	green: m.charter_rag_green,
	amber: m.charter_rag_amber,
	red: m.charter_rag_red
};
