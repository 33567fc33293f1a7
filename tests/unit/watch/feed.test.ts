import { watchlistFeed } from '../../../src/watch/feed';
import { signatureOf } from '../../../src/watch/webhooks';

test('the Atom feed escapes every text and gives each event one entry, newest first', () => {
  const xml = watchlistFeed({
    id: 'tag:diplomatic-events-kb,2025:watchlist/wl-1',
    self: 'http://localhost:3000/watch/feeds/secret',
    title: 'Belarus & <friends>',
    base: 'http://localhost:3000',
    events: [
      {
        id: 'b',
        type: 'talks',
        title: 'Talks "in" <Minsk>',
        date: { start: '2025-12-12', end: '2025-12-13', precision: 'day' },
        addedAt: '2026-01-02T00:00:00Z',
      },
      { id: 'a', type: 'pardon', title: 'Pardon', date: { start: '2025-12', end: null, precision: 'month' }, addedAt: '2026-01-01T00:00:00Z' },
    ],
  });
  expect(xml).toContain('<title type="text">Belarus &amp; &lt;friends&gt;</title>');
  expect(xml).toContain('<title type="text">Talks &quot;in&quot; &lt;Minsk&gt;</title>');
  expect(xml).not.toContain('<Minsk>');
  expect(xml).toContain('<updated>2026-01-02T00:00:00Z</updated>\n    <link rel="alternate" type="text/html" href="http://localhost:3000/events/b"/>');
  expect(xml).toContain('<id>tag:diplomatic-events-kb,2025:event/b</id>');
  expect([...xml.matchAll(/<entry>/g)]).toHaveLength(2);
  expect(xml.indexOf('event/b')).toBeLessThan(xml.indexOf('event/a'));
});

test("a webhook's signature is the HMAC-SHA256 of the body with the watchlist's key", () => {
  expect(signatureOf('key', 'The quick brown fox jumps over the lazy dog')).toBe('sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
});
