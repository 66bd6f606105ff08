// `npm run db:reset`: empties the embedded local database and applies migrations and demo data
// (unless DEMO_DATA=false) afresh. Refuses while a server holds the data directory. Runs with plain
// Node (type stripping), so this folder imports only relative .ts files and packages.
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv, type Env } from '../env.ts';
import { lockDataDirectory } from './lock.ts';
import { openDatabase } from './index.ts';

// The same checks as the server's, so a setting that would stop `npm start` stops this too.
let config: Env;
try {
	config = parseEnv(process.env);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
}
const dataDir = resolve(config.DATA_DIR);
if (config.SUPABASE_URL) {
	console.error('SUPABASE_URL is gezet: db:reset leegt alleen de lokale database. Gebruik `supabase db reset` voor een Supabase-project.');
	process.exit(1);
}
if (config.DATA_DIR === ':memory:') {
	console.error('DATA_DIR=:memory: heeft niets om te legen.');
	process.exit(1);
}

try {
	// Check the lock before deleting anything; openDatabase takes it again for the rebuild.
	lockDataDirectory(join(dataDir, 'server.pid'))();
	rmSync(join(dataDir, 'pgdata'), { recursive: true, force: true });
	const started = Date.now();
	const { migrations, close } = await openDatabase({ dataDir, demoData: config.DEMO_DATA });
	await close();
	console.log(
		`Lokale database in ${dataDir} opnieuw opgebouwd in ${Date.now() - started} ms: ` +
			`${migrations.applied.length} migraties${migrations.seeded ? ', demodata geladen' : ''}.`
	);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
}
