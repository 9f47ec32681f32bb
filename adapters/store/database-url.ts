export type Provider = 'sqlite' | 'postgresql';

/** Which database a DATABASE_URL names. Only SQLite (file:) and PostgreSQL are supported. */
export function providerOf(databaseUrl: string): Provider {
  if (databaseUrl.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return 'postgresql';
  throw new Error('DATABASE_URL must start with file: or postgresql://');
}

/** The file path of a SQLite URL (`file:/abs/path.db` or `file::memory:`). */
export function sqlitePath(databaseUrl: string): string {
  return databaseUrl.slice('file:'.length);
}
