// Applies what a Supabase database has (bootstrap.sql), then supabase/migrations/*.sql in name
// order, each once and recorded in supabase_migrations.schema_migrations as the Supabase CLI does;
// then supabase/seed.sql (demo data), but only on a database that had no migrations before and
// only when asked for (DEMO_DATA, on by default).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

export interface MigrationResult {
	applied: string[];
	seeded: boolean;
}

export function migrationFiles(supabaseDir: string): string[] {
	return readdirSync(join(supabaseDir, 'migrations'))
		.filter((name) => name.endsWith('.sql'))
		.sort();
}

export async function migrate(
	db: PGlite,
	supabaseDir: string,
	{ demoData = true }: { demoData?: boolean } = {}
): Promise<MigrationResult> {
	await db.exec(readFileSync(join(supabaseDir, 'bootstrap.sql'), 'utf8'));
	const done = await db.query<{ version: string }>(
		'select version from supabase_migrations.schema_migrations'
	);
	const appliedBefore = new Set(done.rows.map((row) => row.version));
	const applied: string[] = [];
	for (const file of migrationFiles(supabaseDir)) {
		const [version, ...rest] = file.replace(/\.sql$/, '').split('_');
		if (appliedBefore.has(version)) continue;
		const sql = readFileSync(join(supabaseDir, 'migrations', file), 'utf8');
		await db.transaction(async (tx) => {
			await tx.exec(sql);
			await tx.query(
				'insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)',
				[version, rest.join('_')]
			);
		});
		applied.push(file);
	}
	const seedFile = join(supabaseDir, 'seed.sql');
	const seeded = demoData && appliedBefore.size === 0 && existsSync(seedFile);
	if (seeded) {
		await db.transaction(async (tx) => {
			await tx.exec(readFileSync(seedFile, 'utf8'));
		});
	}
	return { applied, seeded };
}
