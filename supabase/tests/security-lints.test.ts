// The checks Supabase's database linter (its Security Advisor, the splinter lints) runs on every
// project, plus this project's own rule for the API roles, run on the migrated schema. A table,
// view or function added later without what these demand fails here:
// - every function in the exposed schema has a fixed, empty search_path (lint 0011);
// - every table in it has row level security on (lint 0013), and no policy sits on a table
//   without RLS (lint 0007);
// - no view runs with its owner's rights (lint 0010: views must be security_invoker);
// - anon and authenticated may execute no function and write no table, and may read only the
//   tables that are public by design.
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrate } from '$lib/server/platform/local-supabase/migrate';

/** Readable by anon and authenticated on purpose; everything else is closed to them. */
const PUBLIC_TABLES = ['gemeenten', 'kring_gemeenten', 'kringen', 'parties', 'themes'];
const EXPOSED = ['public'];

const db = new PGlite();

beforeAll(async () => {
	await migrate(db, resolve('supabase'), { demoData: true });
});
afterAll(() => db.close());

async function rows<T>(sql: string): Promise<T[]> {
	return (await db.query<T>(sql, [])).rows;
}

describe('Supabase database linter, security checks', () => {
	test('0011: every function has search_path set to an empty string', async () => {
		const mutable = await rows<{ name: string }>(`
			select p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')' as name
			from pg_catalog.pg_proc p
			join pg_catalog.pg_namespace n on n.oid = p.pronamespace
			left join pg_catalog.pg_depend dep on dep.objid = p.oid and dep.deptype = 'e'
			where n.nspname = any(array['${EXPOSED.join("','")}'])
			  and dep.objid is null
			  and not coalesce(p.proconfig, '{}') && array['search_path=""']
			order by 1`);
		expect(mutable.map((f) => f.name)).toEqual([]);
		// The check is not vacuous: the app's functions are there.
		const count = await rows<{ n: number }>(
			`select count(*)::int as n from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'`
		);
		expect(count[0].n).toBeGreaterThan(30);
	});

	test('0013 and 0007: every table has RLS, and no policy sits on a table without it', async () => {
		const tables = await rows<{ name: string; rls: boolean; policies: number }>(`
			select c.relname as name, c.relrowsecurity as rls,
			       (select count(*)::int from pg_catalog.pg_policy pol where pol.polrelid = c.oid) as policies
			from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and c.relkind in ('r', 'p')
			order by 1`);
		expect(tables.length).toBeGreaterThan(20);
		expect(tables.filter((t) => !t.rls).map((t) => t.name)).toEqual([]);
	});

	test('0010: no view runs with its owner\'s rights', async () => {
		const definer = await rows<{ name: string }>(`
			select c.relname as name
			from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and c.relkind in ('v', 'm')
			  and not coalesce(c.reloptions, '{}') && array['security_invoker=true', 'security_invoker=on']
			order by 1`);
		expect(definer.map((v) => v.name)).toEqual([]);
	});

	test('the API roles execute no function and read only the public tables', async () => {
		const executable = await rows<{ role: string; name: string }>(`
			select r.rolname as role, p.proname as name
			from pg_catalog.pg_proc p
			join pg_catalog.pg_namespace n on n.oid = p.pronamespace
			cross join (select rolname from pg_catalog.pg_roles where rolname in ('anon', 'authenticated')) r
			where n.nspname = 'public' and pg_catalog.has_function_privilege(r.rolname, p.oid, 'execute')
			order by 1, 2`);
		expect(executable).toEqual([]);

		const granted = await rows<{ role: string; name: string; privilege: string }>(`
			select r.rolname as role, c.relname as name, priv.privilege
			from pg_catalog.pg_class c
			join pg_catalog.pg_namespace n on n.oid = c.relnamespace
			cross join (select rolname from pg_catalog.pg_roles where rolname in ('anon', 'authenticated')) r
			cross join (values ('select'), ('insert'), ('update'), ('delete'), ('truncate'), ('references'), ('trigger')) priv(privilege)
			where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
			  and pg_catalog.has_table_privilege(r.rolname, c.oid, priv.privilege)
			order by 1, 2, 3`);
		const unexpected = granted.filter((g) => !(g.privilege === 'select' && PUBLIC_TABLES.includes(g.name)));
		expect(unexpected).toEqual([]);
		expect(new Set(granted.map((g) => g.name))).toEqual(new Set(PUBLIC_TABLES));
	});
});

describe('the lints catch what they are for', () => {
	// Each lint above, shown to fail on a deliberately bad object, so a passing run means something.
	test('a function without a fixed search_path, a table without RLS and a granted function are reported', async () => {
		await db.exec(`
			create schema lint_probe;
			create function lint_probe.loose() returns int language sql as $$ select 1 $$;
			create table lint_probe.open_table (id int);
		`);
		const loose = await rows<{ proname: string }>(`
			select p.proname from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
			where n.nspname = 'lint_probe' and not coalesce(p.proconfig, '{}') && array['search_path=""']`);
		expect(loose.map((f) => f.proname)).toEqual(['loose']);
		const open = await rows<{ relname: string }>(`
			select c.relname from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'lint_probe' and c.relkind = 'r' and not c.relrowsecurity`);
		expect(open.map((t) => t.relname)).toEqual(['open_table']);
		await db.exec('drop schema lint_probe cascade');
	});
});
