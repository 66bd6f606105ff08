// The promiser's private reply link for one step of a commitment: 120 random bits as 24
// characters, of which only the SHA-256 is stored; valid LINK_DAYS days from its making.
import { publicOrigin } from '../platform/env';
import { randomToken } from '../platform/crypto';
import { tokenHashHex } from '../letter/answer-links';

export const LINK_DAYS = 90;

export interface ReplyLink {
	token: string;
	tokenHashHex: string;
	url: string;
	expiresAt: Date;
}

export function newReplyLink(now = new Date()): ReplyLink {
	const token = randomToken();
	return {
		token,
		tokenHashHex: tokenHashHex(token),
		url: `${publicOrigin()}/toezeggingen/reageer/${token}`,
		expiresAt: new Date(now.getTime() + LINK_DAYS * 24 * 60 * 60 * 1000)
	};
}
