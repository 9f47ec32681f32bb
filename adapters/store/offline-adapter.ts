import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from '@prisma/driver-adapter-utils';
import type { Provider } from './database-url.js';

const noDatabase = async (): Promise<never> => {
  throw new Error('this operation runs without a database');
};

/** The one question the schema engine asks a PostgreSQL connection when it starts: which server is this. */
function postgresHandshake(query: SqlQuery): SqlResultSet | undefined {
  if (!query.sql.includes("current_setting('server_version_num')")) return undefined;
  return {
    columnNames: ['exists', 'version', 'numeric_version'],
    columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
    rows: [[true, 'PostgreSQL 15', 150000]],
  };
}

/**
 * A driver adapter that reaches no database. The schema engine insists on an adapter of the target's
 * kind even to diff two datamodels, which needs no database; this lets `db:migration` write the
 * PostgreSQL migration on a machine without PostgreSQL (as the SQLite one).
 */
export function offlineAdapter(kind: Provider): SqlMigrationAwareDriverAdapterFactory {
  // Driver adapters name PostgreSQL "postgres", where Prisma schemas say "postgresql".
  const provider = kind === 'postgresql' ? 'postgres' : 'sqlite';
  const connection: SqlDriverAdapter = {
    provider,
    adapterName: 'knooppunt-offline',
    queryRaw: async (query) => postgresHandshake(query) ?? noDatabase(),
    executeRaw: noDatabase,
    executeScript: noDatabase,
    startTransaction: noDatabase,
    getConnectionInfo: () => ({ supportsRelationJoins: kind === 'postgresql' }),
    dispose: async () => {},
  };
  return {
    provider,
    adapterName: 'knooppunt-offline',
    connect: async () => connection,
    connectToShadowDb: async () => connection,
  };
}
