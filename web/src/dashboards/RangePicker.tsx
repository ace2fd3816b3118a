import { useState } from 'react';
import { setSearchParams } from '../common/router';
import { isLocalDate, isPreset, PRESETS, presetRange, type LocalRange } from './date-range';

/**
 * The range the page shows: from the address (`?range=LAST_7_DAYS`, `?range=custom&from=…&to=…`),
 * else null, which lets the dashboard's own range apply.
 */
export function rangeFromSearch(search: URLSearchParams, timezone: string): LocalRange | null {
  const range = search.get('range');
  if (range && isPreset(range)) return presetRange(range, timezone);
  const from = search.get('from');
  const to = search.get('to');
  if (range === 'custom' && isLocalDate(from) && isLocalDate(to) && from <= to) return { from, to };
  return null;
}

const ZONES: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();

interface StoredRange {
  preset?: string | null;
  from: string;
  to: string;
}

export function RangePicker({ dashboardRange, range, timezone }: { dashboardRange: StoredRange | null; range: LocalRange | null; timezone: string }) {
  const params = new URLSearchParams(window.location.search);
  const choice = range ? (params.get('range') ?? 'dashboard') : 'dashboard';
  const [from, setFrom] = useState(range?.from ?? dashboardRange?.from ?? '');
  const [to, setTo] = useState(range?.to ?? dashboardRange?.to ?? '');
  const [custom, setCustom] = useState(choice === 'custom');
  const presetLabel = (key: string | null | undefined) => PRESETS.find(([k]) => k === key)?.[1];
  const dashboardLabel = dashboardRange ? `Dashboard's range: ${presetLabel(dashboardRange.preset) ?? `${dashboardRange.from} to ${dashboardRange.to}`}` : "Dashboard's range: all time";
  const shown = range ?? dashboardRange;

  return (
    <div className="range-picker">
      <div className="field">
        <label htmlFor="range">Date range</label>
        <select
          id="range"
          value={custom ? 'custom' : choice}
          onChange={(e) => {
            const value = e.target.value;
            if (value === 'custom') {
              setCustom(true);
              return;
            }
            setCustom(false);
            setSearchParams({ range: value === 'dashboard' ? null : value, from: null, to: null });
          }}
        >
          <option value="dashboard">{dashboardLabel}</option>
          {PRESETS.map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
          <option value="custom">Custom dates</option>
        </select>
      </div>
      {custom && (
        <form
          className="custom-range"
          onSubmit={(event) => {
            event.preventDefault();
            setSearchParams({ range: 'custom', from, to });
          }}
        >
          <div className="field">
            <label htmlFor="range-from">From</label>
            <input id="range-from" type="date" value={from} required onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="range-to">To</label>
            <input id="range-to" type="date" value={to} min={from} required onChange={(e) => setTo(e.target.value)} />
          </div>
          <button type="submit">Apply dates</button>
        </form>
      )}
      <div className="field">
        <label htmlFor="timezone">Time zone</label>
        <select id="timezone" value={timezone} onChange={(e) => setSearchParams({ tz: e.target.value })}>
          {(ZONES.includes(timezone) ? ZONES : [timezone, ...ZONES]).map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </div>
      <p className="range-shown" aria-live="polite">
        {shown ? `Showing ${shown.from} to ${shown.to}` : 'Showing all time'}
      </p>
    </div>
  );
}
