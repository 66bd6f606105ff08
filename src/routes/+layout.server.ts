import type { LayoutServerLoad } from './$types';

// Only what the header needs: the browser never gets the user's id.
export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user ? { name: locals.user.name, email: locals.user.email } : null
});
