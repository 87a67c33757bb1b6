import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/data/dates.ts';
import { popupModel } from '../../src/data/popup.ts';
import { reportLayer } from '../../src/layers/registry.ts';

const layer = (id: string): FeatureCollection =>
  JSON.parse(readFileSync(new URL(`../../geodata/layers/${id}.geojson`, import.meta.url), 'utf8'));
const feature = (id: string, featureId: string) => layer(id).features.find((f) => f.id === featureId);

describe('formatDate', () => {
  it('writes a date no more precisely than it is known', () => {
    expect(formatDate('2006-12', 'month')).toBe('December 2006');
    expect(formatDate('2012-01-15', 'day')).toBe('15 January 2012');
    expect(formatDate('2011-02-18', 'day, approximate')).toBe('about 18 February 2011');
    expect(formatDate('2011', 'year')).toBe('2011');
    expect(formatDate('2012-01-15', 'month')).toBe('January 2012');
  });
  it('passes through what it cannot read rather than inventing a date', () => {
    expect(formatDate('sometime', 'day')).toBe('sometime');
  });
});

describe('popupModel', () => {
  it('gives Alta Verapaz its dates with precision and source, every quote, and the attribution', () => {
    const model = popupModel(
      feature('alta-verapaz', 'GT-AV')?.properties ?? null,
      reportLayer('alta-verapaz'),
    );
    expect(model.title).toBe('Alta Verapaz');
    expect(model.reportDate).toBe('In December');
    expect(model.dates).toEqual([
      {
        label: 'From',
        text: '19 December 2010 (to the day)',
        source: expect.stringContaining('The Tico Times, 30 December 2010'),
      },
      {
        label: 'Until',
        text: '18 February 2011 (to the day)',
        source: expect.stringContaining('Diálogo, 24 February 2011'),
      },
    ]);
    expect(model.quotes).toHaveLength(4);
    expect(model.quotes).toContain(
      'A government spokesman said the police force in the province had been "totally infiltrated by the Zetas", guaranteeing "total impunity" for criminals.',
    );
    expect(model.source).toBe('BBC News, 15 January 2012');
    expect(model.schematicNote).toBeNull();
  });

  it('says a route is schematic, and shows only the quotes it has', () => {
    const model = popupModel(
      feature('transit-flows', 'route-2-gtm-mex')?.properties ?? null,
      reportLayer('transit-flows'),
    );
    expect(model.schematicNote).toMatch(/^Schematic/);
    expect(model.quotes).toEqual([
      'Guatemala is a major transit point for cocaine smuggled from Colombia through Guatemala to Mexico and on to the US.',
    ]);
    expect(model.dates).toEqual([]);
  });

  it('says when a date is approximate or inferred, as its precision does', () => {
    const layer = reportLayer('militarised-policing');
    const text = (date_start: string, date_start_precision: string) =>
      popupModel({ date_start, date_start_precision, date_start_source: 's' }, layer).dates[0]?.text;
    expect(text('2011', 'year, inferred')).toBe('2011 (to the year, inferred)');
    expect(text('2011-02-18', 'day, approximate')).toBe('about 18 February 2011 (to the day, approximate)');
    expect(text('2011-02-18', 'day')).toBe('18 February 2011 (to the day)');
  });

  it('shows a month-precise date as a month', () => {
    const model = popupModel(
      feature('militarised-policing', 'MEX')?.properties ?? null,
      reportLayer('militarised-policing'),
    );
    expect(model.dates.map((d) => [d.label, d.text])).toEqual([['Since', 'December 2006 (to the month)']]);
  });

  it('copes with a feature that has no properties', () => {
    expect(popupModel(null, reportLayer('alta-verapaz'))).toMatchObject({
      title: 'Unnamed feature',
      quotes: [],
      dates: [],
    });
  });
});
