/** Reading server-sent events in tests, as a browser's EventSource would. */

export interface SseMessage {
	id?: string;
	data?: string;
	retry?: string;
	comment?: string;
}

/** Reads SSE messages from a response body until `count` data messages have arrived. */
export async function readMessages(
	reader: ReadableStreamDefaultReader<Uint8Array>,
	count: number
): Promise<SseMessage[]> {
	const decoder = new TextDecoder();
	let buffer = '';
	const messages: SseMessage[] = [];
	while (messages.filter((m) => m.data).length < count) {
		const { value, done } = await reader.read();
		if (done) break;
		buffer += decoder.decode(value, { stream: true });
		let end;
		while ((end = buffer.indexOf('\n\n')) >= 0) {
			const block = buffer.slice(0, end);
			buffer = buffer.slice(end + 2);
			const message: SseMessage = {};
			for (const line of block.split('\n')) {
				if (line.startsWith(':')) message.comment = line.slice(1).trim();
				else {
					const at = line.indexOf(': ');
					const field = line.slice(0, at) as 'id' | 'data' | 'retry';
					message[field] = line.slice(at + 2);
				}
			}
			messages.push(message);
		}
	}
	return messages;
}

/** The data of the messages, parsed. */
export function dataOf<T>(messages: SseMessage[]): T[] {
	return messages.filter((m) => m.data).map((m) => JSON.parse(m.data!) as T);
}
