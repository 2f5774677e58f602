/**
 * A Beanconqueror export built from its format (see client/src/data/beanconqueror/format.ts),
 * for the import's unit tests and its e2e spec: several beans, mills and preparations, zeros
 * and empty strings for "not set", unknown fields, numbers stored as strings, values outside
 * our ranges, a brew whose bean is not in the export, and photo references.
 */

type Rec = Record<string, unknown>;

const config = (uuid: string, unixSeconds: number) => ({ uuid, unix_timestamp: unixSeconds });

/** 2026-11-20T08:00:00Z: brews are spaced an hour apart before it. */
const BASE_S = 1_795_680_000;

export const FIXTURE_BEANS: Rec[] = [
  {
    config: config('bean-guji', BASE_S - 30 * 86_400),
    name: 'Guji Hambela',
    roaster: 'April',
    roastingDate: '2026-11-01T00:00:00.000+01:00',
    buyDate: '2026-11-03T00:00:00.000+01:00',
    openDate: '2026-11-05T00:00:00.000+01:00',
    roast: 'CITY_ROAST',
    roast_range: 3,
    beanMix: 'SINGLE_ORIGIN',
    weight: 250,
    cost: 16.5,
    rating: 4,
    note: 'Peach, jasmine',
    aromatics: 'peach, jasmine, bergamot',
    decaffeinated: false,
    finished: false,
    attachments: ['file:///bean-guji-1.jpg', 'file:///bean-guji-2.jpg'],
    bean_information: [
      {
        country: 'Ethiopia',
        region: 'Guji',
        farm: 'Hambela',
        variety: 'Heirloom',
        processing: 'Washed',
        elevation: '2100',
      },
    ],
  },
  {
    // Every field at Beanconqueror's "not set" default: 0, "" and empty lists.
    config: config('bean-blank', BASE_S - 20 * 86_400),
    name: '',
    roaster: '',
    roastingDate: '',
    buyDate: '',
    openDate: '',
    roast: 'UNKNOWN',
    roast_range: 0,
    beanMix: 'SINGLE_ORIGIN',
    weight: 0,
    cost: 0,
    rating: 0,
    note: '',
    aromatics: '',
    decaffeinated: false,
    finished: false,
    attachments: [],
    bean_information: [
      { country: '', region: '', farm: '', variety: '', processing: '', elevation: '' },
    ],
  },
  {
    config: config('bean-blend', BASE_S - 90 * 86_400),
    name: 'Winter blend',
    roaster: 'Friedhats',
    roastingDate: '2026-08-01T10:00:00.000Z',
    roast: 'FRENCH_ROAST',
    weight: 6000,
    // Newer versions keep aromatics as a list; an old one's cost as a string.
    aromatics: ['cocoa', ' ', 'Cocoa', 'dried fig'],
    cost: '12.50',
    rating: 3.7,
    decaffeinated: true,
    finished: true,
    note: 'Strong',
    some_future_field: { nested: true },
    bean_information: [
      { country: 'Brazil', processing: 'Natural' },
      { country: 'Colombia', processing: 'Washed' },
    ],
  },
];

export const FIXTURE_MILLS: Rec[] = [
  { config: config('mill-niche', BASE_S), name: 'Niche Zero', note: '', finished: false },
  {
    config: config('mill-comandante', BASE_S),
    name: 'Comandante C40',
    note: 'hand',
    finished: false,
  },
  { config: config('mill-blank', BASE_S), name: '', note: '', finished: false },
  // Sold: Beanconqueror's "finished" gear, an archived grinder here.
  { config: config('mill-old', BASE_S), name: 'Hario Skerton', note: 'Sold', finished: true },
];

export const FIXTURE_PREPARATIONS: Rec[] = [
  {
    config: config('prep-espresso', BASE_S),
    name: 'Lelit Bianca',
    type: 'CUSTOM_PREPARATION',
    style_type: 'ESPRESSO',
    tools: [],
  },
  {
    config: config('prep-v60', BASE_S),
    name: 'V60',
    type: 'V60',
    style_type: 'POUR_OVER',
    note: 'Plastic 02',
    tools: [],
  },
  {
    config: config('prep-aeropress', BASE_S),
    name: 'AeroPress',
    type: 'AEROPRESS',
    style_type: 'FULL_IMMERSION',
    tools: [],
  },
  {
    config: config('prep-moka', BASE_S),
    name: 'Bialetti Moka pot',
    type: 'CUSTOM_PREPARATION',
    style_type: 'ESPRESSO',
    tools: [],
  },
  {
    config: config('prep-cold', BASE_S),
    name: 'Cold Brew jar',
    type: 'CUSTOM_PREPARATION',
    style_type: 'FULL_IMMERSION',
    tools: [],
  },
  {
    config: config('prep-kalita', BASE_S),
    name: 'Kalita Wave',
    type: 'KALITA_WAVE',
    style_type: 'PERCOLATION',
    tools: [],
  },
  {
    config: config('prep-odd', BASE_S),
    name: 'Siphon',
    type: 'CUSTOM_PREPARATION',
    style_type: '',
    tools: [],
  },
];

/** The special brews every fixture holds, before the generated ones. */
function specialBrews(): Rec[] {
  return [
    {
      // Zeros and empty strings everywhere: a brew with nothing set must still import.
      config: config('brew-zero', BASE_S - 3_600),
      bean: 'bean-blank',
      mill: '',
      method_of_preparation: '',
      grind_size: '',
      grind_weight: 0,
      brew_quantity: 0,
      brew_quantity_type: 'GR',
      brew_beverage_quantity: 0,
      brew_beverage_quantity_type: 'GR',
      brew_time: 0,
      brew_time_milliseconds: 0,
      brew_temperature: 0,
      rating: 0,
      note: '',
      tds: 0,
      attachments: [],
    },
    {
      // Out of our ranges: dose 250 g, 200 °C, rating 7; numbers as strings; unknown fields.
      config: config('brew-wild', BASE_S - 7_200),
      bean: 'bean-guji',
      mill: 'mill-comandante',
      method_of_preparation: 'prep-v60',
      grind_size: '24',
      grind_weight: 250,
      brew_quantity: '250',
      brew_quantity_type: 'GR',
      brew_beverage_quantity: 0,
      brew_time: '185',
      brew_time_milliseconds: 500,
      brew_temperature: 200,
      rating: 7,
      note: 'Way off',
      tds: 1.35,
      attachments: ['file:///brew-wild.jpg'],
      future_thing: [1, 2, 3],
    },
    {
      // Its bean is not in the export: kept on the "unknown coffee" bag.
      config: config('brew-orphan', BASE_S - 10_800),
      bean: 'bean-that-was-deleted',
      mill: 'mill-niche',
      method_of_preparation: 'prep-moka',
      grind_weight: 15,
      brew_quantity: 150,
      brew_quantity_type: 'OZ',
      rating: 3.7,
    },
  ];
}

const PREP_ROTATION = ['prep-espresso', 'prep-aeropress', 'prep-cold', 'prep-kalita', 'prep-odd'];

/** `count` ordinary espresso-ish brews on the named beans, an hour apart. */
function generatedBrews(count: number): Rec[] {
  return Array.from({ length: count }, (_, i) => ({
    config: config(`brew-gen-${i}`, BASE_S - (4 + i) * 3_600),
    bean: i % 2 === 0 ? 'bean-guji' : 'bean-blend',
    mill: i % 3 === 0 ? 'mill-niche' : 'mill-blank',
    method_of_preparation: PREP_ROTATION[i % PREP_ROTATION.length],
    grind_size: String(10 + (i % 5)),
    grind_weight: 18,
    brew_quantity: 0,
    brew_quantity_type: 'GR',
    brew_beverage_quantity: 36 + (i % 4),
    brew_beverage_quantity_type: 'GR',
    brew_time: 28,
    brew_time_milliseconds: 0,
    brew_temperature: 93,
    rating: (i % 10) / 2,
    note: `Shot ${i}`,
    tds: 0,
    attachments: [],
  }));
}

function chunked<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

export interface FixtureOptions {
  /** Generated brews besides the three special ones. */
  brews?: number;
  /** Records per file, as Beanconqueror's 500; smaller makes chunks with few records. */
  chunkSize?: number;
  /** Beans per file, when they should split differently from brews (default: chunkSize). */
  beanChunkSize?: number;
}

/** Every brew of the fixture, special ones first. */
export function fixtureBrews(options: FixtureOptions = {}): Rec[] {
  return [...specialBrews(), ...generatedBrews(options.brews ?? 6)];
}

/**
 * The files of the export's ZIP, as Beanconqueror writes them: the first chunk of beans and
 * brews in Beanconqueror.json, the rest in Beanconqueror_Beans_N.json / _Brews_N.json.
 */
export function fixtureFiles(options: FixtureOptions = {}): Record<string, string> {
  const size = options.chunkSize ?? 500;
  const beans = chunked(FIXTURE_BEANS, options.beanChunkSize ?? size);
  const brews = chunked(fixtureBrews(options), size);
  const files: Record<string, string> = {
    'Beanconqueror.json': JSON.stringify({
      BEANS: beans[0],
      BREWS: brews[0],
      MILL: FIXTURE_MILLS,
      PREPARATION: FIXTURE_PREPARATIONS,
      WATER: [],
      SETTINGS: [{ brew_view: 0 }],
      VERSION: [{ alreadyDisplayedVersions: ['7.4.0'] }],
    }),
  };
  beans.slice(1).forEach((chunk, i) => {
    files[`Beanconqueror_Beans_${i + 1}.json`] = JSON.stringify(chunk);
  });
  brews.slice(1).forEach((chunk, i) => {
    files[`Beanconqueror_Brews_${i + 1}.json`] = JSON.stringify(chunk);
  });
  return files;
}
