// PGlite has no cross-process lock, and two processes on one data directory silently lose
// writes. A pid file next to the data directory refuses a second live process.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export class DataDirectoryLockedError extends Error {}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Takes the lock or throws DataDirectoryLockedError; returns a release function. */
export function lockDataDirectory(lockFile: string): () => void {
	mkdirSync(dirname(lockFile), { recursive: true });
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
			return () => rmSync(lockFile, { force: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = Number(readFileSync(lockFile, 'utf8').trim());
			if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
				throw new DataDirectoryLockedError(
					`De database in ${dirname(lockFile)} is in gebruik door een ander proces (pid ${holder}). ` +
						'Stop dat proces eerst (bijvoorbeeld een andere `npm start` of `npm run dev`).'
				);
			}
			// A stale lock from a process that is gone: take it over.
			rmSync(lockFile, { force: true });
		}
	}
	throw new DataDirectoryLockedError(`Kon ${lockFile} niet vergrendelen.`);
}
