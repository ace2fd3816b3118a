import { ConversationsDocument } from './generated/operations';
import { errorCodes, startTestApi } from '../support/api';

describe('internal errors', () => {
  it('are logged on the server and masked for the caller: no SQL, no stack', async () => {
    const api = await startTestApi('sqlite');
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      // A failure inside a resolver, after authentication: the table is gone.
      await api.db.query('DROP TABLE conversations');
      const response = await api.request(ConversationsDocument, {});
      expect(errorCodes(response)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(response.errors?.[0].message).toBe('Internal server error');
      const body = JSON.stringify(response);
      expect(body).not.toMatch(/conversations c|SELECT|sqlite|stack|\.ts:/i);
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
      await api.close();
    }
  });
});
