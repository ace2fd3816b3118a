import { useEffect, useState } from 'react';

/**
 * The app's pages are paths (`/`, `/dashboards`, `/dashboards/ID`, `/dashboards/ID/tiles/TILE/edit`) with the
 * dashboard's date range and time zone in the query string, so a reload or a shared link shows
 * the same thing. The server answers every such path with the app.
 */
export type Route =
  | { page: 'home' }
  | { page: 'dashboards' }
  | { page: 'dashboard'; id: string }
  | { page: 'edit-tile'; dashboardId: string; tileId: string }
  | { page: 'not-found' };

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: 'home' };
  if (parts[0] === 'dashboards' && parts.length === 1) return { page: 'dashboards' };
  if (parts[0] === 'dashboards' && parts.length === 2) return { page: 'dashboard', id: parts[1] };
  if (parts[0] === 'dashboards' && parts[2] === 'tiles' && parts[4] === 'edit' && parts.length === 5) return { page: 'edit-tile', dashboardId: parts[1], tileId: parts[3] };
  return { page: 'not-found' };
}

export function navigate(to: string, { replace = false } = {}): void {
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useLocation(): { pathname: string; search: URLSearchParams } {
  const read = () => ({ pathname: window.location.pathname, search: new URLSearchParams(window.location.search) });
  const [location, setLocation] = useState(read);
  useEffect(() => {
    const update = () => setLocation(read());
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return location;
}

/** Replaces query parameters of the current page without a new history entry. */
export function setSearchParams(changes: Record<string, string | null>): void {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  const query = params.toString();
  window.history.replaceState(null, '', window.location.pathname + (query ? `?${query}` : ''));
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** A link that moves within the app without reloading it. */
export function linkProps(to: string): { href: string; onClick: (event: React.MouseEvent) => void } {
  return {
    href: to,
    onClick: (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(to);
    },
  };
}
