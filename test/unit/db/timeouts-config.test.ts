import { databaseTimeoutsFrom, shutdownTimeoutFrom, sqliteReadersFrom } from '../../../src/config';

describe('database time limits from the environment', () => {
  it('defaults, and takes each override in milliseconds', () => {
    expect(databaseTimeoutsFrom({})).toEqual({ readyMs: 2000, statementMs: 5000, queryMs: 30_000 });
    expect(databaseTimeoutsFrom({ THREADLINE_READY_TIMEOUT_MS: '500', THREADLINE_DB_TIMEOUT_MS: ' 3000 ', THREADLINE_QUERY_TIMEOUT_MS: '120000' })).toEqual({ readyMs: 500, statementMs: 3000, queryMs: 120_000 });
  });

  it('refuses a value that is not a whole number of milliseconds from 100 to an hour, by name', () => {
    expect(() => databaseTimeoutsFrom({ THREADLINE_QUERY_TIMEOUT_MS: '30s' })).toThrow('THREADLINE_QUERY_TIMEOUT_MS must be a whole number of milliseconds from 100 to 3600000, got "30s"');
    expect(() => databaseTimeoutsFrom({ THREADLINE_DB_TIMEOUT_MS: '0' })).toThrow('THREADLINE_DB_TIMEOUT_MS must be');
    expect(() => databaseTimeoutsFrom({ THREADLINE_READY_TIMEOUT_MS: '3600001' })).toThrow('THREADLINE_READY_TIMEOUT_MS must be');
  });

  it('reads the SQLite reader count: 2 by default, 0 for in-process', () => {
    expect(sqliteReadersFrom({})).toBe(2);
    expect(sqliteReadersFrom({ THREADLINE_SQLITE_READERS: '0' })).toBe(0);
    expect(() => sqliteReadersFrom({ THREADLINE_SQLITE_READERS: 'many' })).toThrow('THREADLINE_SQLITE_READERS must be a whole number from 0 to 32, got "many"');
  });
});

describe('the shutdown time limit from the environment', () => {
  it('is 10 s unless set, and refuses a bad value by name', () => {
    expect(shutdownTimeoutFrom({})).toBe(10_000);
    expect(shutdownTimeoutFrom({ THREADLINE_SHUTDOWN_TIMEOUT_MS: '25000' })).toBe(25_000);
    expect(() => shutdownTimeoutFrom({ THREADLINE_SHUTDOWN_TIMEOUT_MS: '-1' })).toThrow('THREADLINE_SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds from 100 to 3600000, got "-1"');
  });
});
