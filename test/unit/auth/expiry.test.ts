import { parseExpiry } from '../../../src/auth/tokens';
import { BadInput } from '../../../src/errors';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const at = (text: string) => parseExpiry(text, NOW).toISOString();
const refusal = (text: string) => {
  try {
    parseExpiry(text, NOW);
    return 'accepted';
  } catch (error) {
    return error instanceof BadInput ? error.message : `not bad input: ${String(error)}`;
  }
};

describe('token expiry', () => {
  it('reads lifetimes in hours, days and weeks from now', () => {
    expect([at('12h'), at('90d'), at('4w'), at(' 1D ')]).toEqual([
      '2026-03-02T00:00:00.000Z',
      '2026-05-30T12:00:00.000Z',
      '2026-03-29T12:00:00.000Z',
      '2026-03-02T12:00:00.000Z',
    ]);
  });

  it('reads an ISO date as 00:00 UTC that day, and an instant with its offset', () => {
    expect([at('2027-01-31'), at('2026-03-01T13:30:00+01:00'), at('2026-03-01T12:00:00.001Z')]).toEqual([
      '2027-01-31T00:00:00.000Z',
      '2026-03-01T12:30:00.000Z',
      '2026-03-01T12:00:00.001Z',
    ]);
  });

  it('refuses what is not a lifetime or date, not ahead, or more than ten years ahead, naming the field', () => {
    expect([refusal('soon'), refusal('90'), refusal('3m'), refusal('2026-02-30'), refusal('2026-03-01T13:00:00')]).toEqual([
      'expires: "soon" is not a lifetime such as 12h, 90d or 4w, or an ISO 8601 date (2027-01-31, meaning 00:00 UTC) or instant with offset',
      'expires: "90" is not a lifetime such as 12h, 90d or 4w, or an ISO 8601 date (2027-01-31, meaning 00:00 UTC) or instant with offset',
      'expires: "3m" is not a lifetime such as 12h, 90d or 4w, or an ISO 8601 date (2027-01-31, meaning 00:00 UTC) or instant with offset',
      'expires: "2026-02-30" is not a lifetime such as 12h, 90d or 4w, or an ISO 8601 date (2027-01-31, meaning 00:00 UTC) or instant with offset',
      'expires: "2026-03-01T13:00:00" is not a lifetime such as 12h, 90d or 4w, or an ISO 8601 date (2027-01-31, meaning 00:00 UTC) or instant with offset',
    ]);
    expect([refusal('0h'), refusal('2026-03-01'), refusal('2026-03-01T12:00:00Z'), refusal('3651d'), refusal('3650d')]).toEqual([
      'expires: "0h" is not in the future',
      'expires: "2026-03-01" is not in the future',
      'expires: "2026-03-01T12:00:00Z" is not in the future',
      'expires: "3651d" is more than ten years ahead',
      'accepted',
    ]);
  });
});
