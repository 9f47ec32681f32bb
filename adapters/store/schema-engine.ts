import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';

const require = createRequire(import.meta.url);

// Node has WebAssembly; TypeScript only declares it with the DOM library, which a server should not pull in.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, unknown>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};
type WasmExports = Record<string, unknown>;
let instantiated: Promise<void> | undefined;

/**
 * Instantiates Prisma's schema engine (WebAssembly) ourselves: the package's own entry uses an ES-module
 * WebAssembly import that Node 20 only accepts behind a flag, and the native engine would have to be
 * downloaded from a host that air-gapped networks (and this build machine) cannot reach.
 */
async function instantiateOnce(): Promise<void> {
  instantiated ??= (async () => {
    const wasmPath = require
      .resolve('@prisma/schema-engine-wasm')
      .replace(/schema_engine\.js$/, 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      './schema_engine_bg.js': bindings,
    });
    const exports = instance.exports as WasmExports & { __wbindgen_start: () => void };
    (bindings as unknown as { __wbg_set_wasm: (e: WasmExports) => void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return instantiated;
}

/** Opens a schema engine over a driver adapter; `datamodels` are [path, content] pairs. */
export async function openSchemaEngine(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  datamodels: [string, string][],
  onLog: (line: string) => void = () => {},
): Promise<SchemaEngine> {
  await instantiateOnce();
  return (bindings as unknown as { SchemaEngine: typeof SchemaEngine }).SchemaEngine.new(
    { datamodels },
    onLog,
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
}
