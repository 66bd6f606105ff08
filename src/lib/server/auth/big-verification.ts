// Verifying that a signer is a huisarts: the BIG-register is asked (when BIG_REGISTER_URL is set)
// whether the BIG number belongs to a huisarts with this name, and a yes is recorded on the user
// and on their signatures with that number and name (record_register_verification). Without the
// register, or when it does not answer, coordinators and kring editors verify by hand.
import { db, oneOf } from '../platform/db';
import { env } from '../platform/env';
import { checkHuisarts, type HuisartsCheck } from './big-register';

export type { HuisartsCheck } from './big-register';

export function registerConfigured(): boolean {
	return Boolean(env().BIG_REGISTER_URL);
}

/** The register's verdict on this number and name, or null when no register is configured. */
export async function askRegister(bigNumber: string, name: string): Promise<HuisartsCheck | null> {
	const config = env();
	if (!config.BIG_REGISTER_URL) return null;
	return checkHuisarts(
		{ url: config.BIG_REGISTER_URL, timeoutMs: config.BIG_REGISTER_TIMEOUT_MS },
		{ bigNumber, signerName: name }
	);
}

/** Records that the register confirmed this user's BIG number and name; 'taken' when another
 * account is verified with this number already (the register is public, so one account per
 * number: the kring sorts out a real clash by hand). */
export async function recordRegisterVerification(
	userId: string,
	check: HuisartsCheck,
	checkedName: string
): Promise<'verified' | 'taken'> {
	const { data, error } = await db().rpc('record_register_verification', {
		p_user_id: userId,
		p_big_number: check.bigNumber,
		p_checked_name: checkedName,
		p_register_name: check.registerName ?? checkedName
	});
	if (error) throw new Error(`recordRegisterVerification: ${error.message}`);
	return oneOf(data, ['verified', 'taken'], 'recordRegisterVerification');
}

/** Whether an account other than `userId` is verified with this BIG number. */
export async function numberTakenByOther(userId: string, bigNumber: string): Promise<boolean> {
	const { data, error } = await db()
		.from('users')
		.select('id')
		.eq('big_verified_number', bigNumber)
		.neq('id', userId)
		.limit(1);
	if (error) throw new Error(`numberTakenByOther: ${error.message}`);
	return data.length > 0;
}

export type VerifyMeResult =
	| { state: 'verified'; registerName: string | null }
	| { state: 'refused'; check: HuisartsCheck }
	| { state: 'taken' }
	| { state: 'not_configured' };

/** "Controleer mij in het BIG-register": asks the register and records a yes. */
export async function verifyWithRegister(userId: string, bigNumber: string, name: string): Promise<VerifyMeResult> {
	if (await numberTakenByOther(userId, bigNumber)) return { state: 'taken' };
	const check = await askRegister(bigNumber, name);
	if (!check) return { state: 'not_configured' };
	if (check.verdict !== 'verified') return { state: 'refused', check };
	if ((await recordRegisterVerification(userId, check, name)) === 'taken') return { state: 'taken' };
	return { state: 'verified', registerName: check.registerName };
}
