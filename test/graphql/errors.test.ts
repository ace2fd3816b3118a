import { createLogger, setRootLogger } from '../../src/log';
import { ConversationsDocument } from './generated/operations';
import { errorCodes, startTestApi } from '../support/api';

describe('internal errors', () => {
  it('are logged on the server and masked for the caller: no SQL, no stack', async () => {
    const api = await startTestApi('sqlite');
    const logged: string[] = [];
    setRootLogger(createLogger({ level: 'error', format: 'json', destination: { write: (line: string) => void logged.push(line) } }));
    try {
      // A failure inside a resolver, after authentication: the table is gone.
      await api.db.query('DROP TABLE conversations');
      const response = await api.request(ConversationsDocument, {});
      expect(errorCodes(response)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(response.errors?.[0].message).toBe('Internal server error');
      const body = JSON.stringify(response);
      expect(body).not.toMatch(/conversations c|SELECT|sqlite|stack|\.ts:/i);
      expect(logged.join('')).toMatch(/"msg":"internal error"/);
    } finally {
      setRootLogger(undefined);
      await api.close();
    }
  });
});
