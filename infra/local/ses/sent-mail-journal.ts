import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
// aws-ses-v2-local keeps sent mail in this module's memory (one store per process).
import { getStoreReadonly } from 'aws-ses-v2-local/dist/store';

type StoredEmail = ReturnType<typeof getStoreReadonly>['emails'][number];

/**
 * Sent mail kept on disk (one JSON line per email), so the viewer and `GET /store` show every email
 * sent from this data folder, across restarts and crashes, as SES' own record of sending would.
 * At start the file becomes the emulator's store; after each request, whatever it added is appended.
 * A line torn by a crash mid-write is skipped.
 */
export function sentMailJournal(file: string) {
  mkdirSync(dirname(file), { recursive: true });
  // Readonly by its type only: replacing its list is how the journal becomes the store.
  const store = getStoreReadonly() as { emails: StoredEmail[] };
  store.emails = existsSync(file) ? readJournal(file) : [];
  let written = store.emails.length;
  return {
    /** Appends what the store gained since the last call; rewrites the file if it was cleared. */
    sync(): void {
      if (store.emails.length < written) {
        writeFileSync(file, lines(store.emails));
      } else if (store.emails.length > written) {
        appendFileSync(file, lines(store.emails.slice(written)));
      }
      written = store.emails.length;
    },
  };
}

function readJournal(file: string): StoredEmail[] {
  const text = readFileSync(file, 'utf8');
  const emails: StoredEmail[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      emails.push(JSON.parse(line) as StoredEmail);
    } catch {
      // the last line of a crashed write
    }
  }
  // A torn last line is cut off, so the next append starts a line of its own instead of joining it.
  if (text && !text.endsWith('\n')) writeFileSync(file, lines(emails));
  return emails;
}

const lines = (emails: StoredEmail[]) => emails.map((email) => `${JSON.stringify(email)}\n`).join('');
