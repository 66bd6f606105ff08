// Where to go after signing in (?naar=…): only a path on this site may come out, never another
// origin, however the value is dressed up ("//evil", "/\\evil", "/.//evil", "/%2e//evil", tabs).
export function safeRedirectPath(value: string | null | undefined, fallback = '/account'): string {
	// Browsers drop tabs and newlines and read "\\" as "/", so "/\t/evil.example" would leave the site.
	if (!value || !value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
	const base = 'https://laatjehoren.invalid';
	let resolved: URL;
	try {
		resolved = new URL(value, base);
	} catch {
		return fallback;
	}
	if (resolved.origin !== base) return fallback;
	// Dot segments and encoded dots collapse into a path that starts with "//": as a Location that
	// is another host. Also refuse anything that would start so after decoding.
	const path = resolved.pathname;
	if (path.startsWith('//') || decodeURIComponent(path.replace(/%(?![0-9a-f]{2})/gi, '%25')).startsWith('//')) return fallback;
	return path + resolved.search + resolved.hash;
}
