import { describe, expect, it } from 'vitest';
import { pictureFrame } from '../../src/picture/frame.ts';

describe('the frame of a picture of the map', () => {
  it('names the sources always, and keys only the layers shown', () => {
    const frame = pictureFrame({
      visible: ['alta-verapaz'],
      date: '2010-12-19',
      permalink: 'https://x/#5/15/-90',
    });
    expect(frame.asOf).toBe('As of 19 December 2010');
    expect(frame.legend.map((e) => e.id)).toEqual(['alta-verapaz']);
    expect(frame.credits.join(' ')).toContain('BBC News, 15 January 2012');
    expect(frame.credits.join(' ')).toContain('Natural Earth');
    expect(frame.note).toBeNull();
    const all = pictureFrame({
      visible: ['transit-flows', 'alta-verapaz', 'militarised-policing'],
      permalink: 'https://x/',
    });
    expect(all.asOf).toBe('As of 15 January 2012');
    expect(all.note).toMatch(/schematic/);
    expect(all.legend[0]?.swatch).toEqual({ kind: 'lines', colours: ['#c2410c', '#7b2d8e'] });
  });
});
