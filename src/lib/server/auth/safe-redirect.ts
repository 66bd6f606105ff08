// Where to go after signing in (?naar=…): only a path on this site may come out, never another
// origin, however the value is dressed up.
export function safeRedirectPath(value: string | null | undefined, fallback = '/account'): string {
	// Browsers drop tabs and newlines and read "\\" as "/", so "/\t/evil.example" would leave the site.
	if (!value || !value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
	const base = 'https://laatjehoren.invalid';
	const resolved = new URL(value, base);
	if (resolved.origin !== base) return fallback;
	return resolved.pathname + resolved.search + resolved.hash;
}
