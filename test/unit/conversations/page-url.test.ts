import { pageUrlPath } from '../../../src/conversations/page-url';

describe('pageUrlPath', () => {
  it.each<[string | null, string | null]>([
    ['https://example.com/pricing', 'https://example.com/pricing'],
    ['https://example.com/pricing?utm_source=mail&utm_medium=x', 'https://example.com/pricing'],
    ['https://example.com/pricing#top', 'https://example.com/pricing'],
    ['https://example.com/pricing/?a=1#b', 'https://example.com/pricing'],
    ['HTTPS://Example.COM/Pricing', 'https://example.com/Pricing'],
    ['https://example.com', 'https://example.com/'],
    ['https://example.com/', 'https://example.com/'],
    ['https://example.com//', 'https://example.com/'],
    ['https://example.com?x=1', 'https://example.com/'],
    ['https://Example.com:8443/a/b/', 'https://example.com:8443/a/b'],
    ['/pricing/', '/pricing'],
    ['/', '/'],
    ['pricing?x', 'pricing'],
    ['?x=1', null],
    [null, null],
  ])('%j is %j', (url, path) => {
    expect(pageUrlPath(url)).toBe(path);
  });
});
