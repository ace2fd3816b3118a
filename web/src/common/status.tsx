import type { CombinedError } from 'urql';

/** What went wrong, in the API's own words (its messages name the field and the reason). */
export function errorText(error: CombinedError): string {
  if (error.graphQLErrors.length > 0) return error.graphQLErrors.map((e) => e.message).join(' ');
  if (error.networkError) return 'The server could not be reached. Check that it is running, then try again.';
  return error.message;
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="status" role="status">
      Loading {what}…
    </p>
  );
}

export function ErrorMessage({ error, what }: { error: CombinedError; what: string }) {
  return (
    <p className="status status-error" role="alert">
      Could not load {what}: {errorText(error)}
    </p>
  );
}
