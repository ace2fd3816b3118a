import { cacheExchange, Client, fetchExchange, mapExchange } from 'urql';

/**
 * One urql client per token. Its document cache keeps each query's result until a mutation
 * returns an object of a type the query holds (a Dashboard, a Report), which refetches it; queries
 * name what else they depend on with `additionalTypenames`. Queries go as GET (the server's CSRF
 * check accepts them because they carry the Authorization header), mutations as POST.
 */
export function createApiClient(token: string, onUnauthenticated: () => void): Client {
  return new Client({
    url: '/graphql',
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') || error.response?.status === 401) onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    preferGetMethod: 'within-url-limit',
  });
}
