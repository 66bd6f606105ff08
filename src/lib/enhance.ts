// use:enhance for forms whose success redirects back to the same page: SvelteKit resets a form
// only on a 'success' result, so after a redirect the typed values would stay (and a second
// click would, say, invite the same colleagues again). Failures keep what was typed.
import type { SubmitFunction } from '@sveltejs/kit';

export const resetOnRedirect: SubmitFunction = () => {
	return async ({ result, formElement, update }) => {
		if (result.type === 'redirect') formElement.reset();
		await update();
	};
};
