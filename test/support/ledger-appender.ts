import { createLedger } from '../../adapters/ledger/ledger.js';
import { openLedgerStorage } from '../../adapters/ledger/open-ledger-storage.js';

/** Child process for ledger tests: appends N entries to a log and prints the indices it was given. */
const [url, origin, count] = process.argv.slice(2) as [string, string, string];
const ledger = createLedger(openLedgerStorage(url), origin);
const receipts = await Promise.all(
  Array.from({ length: Number(count) }, (_, i) => ledger.append({ kind: i, pid: process.pid }, new Date())),
);
await ledger.close();
process.stdout.write(JSON.stringify(receipts.map((r) => r.index)));
