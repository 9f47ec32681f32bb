#!/usr/bin/env node
// The installed command line. npm links `bin` entries as symlinks (and as .cmd shims on Windows), so
// this file must be plain JavaScript that node runs directly: it registers tsx for the TypeScript
// sources, then runs the CLI. The CLI's own "am I the main module" check is not relied on here.
import process from 'node:process';
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../gateway/cli/knooppunt.ts');
process.exitCode = await runCli(process.argv.slice(2));
