/**
 * The API token of this browser tab. It lives in sessionStorage only: closing the tab signs out,
 * and nothing is written where other sites or later visitors could read it. The sign-in link
 * `npm start` prints carries it in the URL fragment (`#token=…`), which browsers never send to a
 * server; it is taken off the address bar as soon as the app starts.
 */
const KEY = 'threadline.token';

export function takeTokenFromLink(): void {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (!match) return;
  sessionStorage.setItem(KEY, decodeURIComponent(match[1]));
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}

export function currentToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function saveToken(token: string): void {
  sessionStorage.setItem(KEY, token.trim());
}

export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}
