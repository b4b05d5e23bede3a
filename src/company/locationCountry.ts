/** A location read as a country: its pay regions as pay data may name it, and the currency people there are paid in. */
export interface LocationCountry {
  /** ISO 3166 alpha-2, e.g. "GB". */
  code: string;
  /** The names pay data may give the country's region, most usual first ("US"; "GB", "UK"). */
  regions: string[];
  currency: string;
  /** How the location was read, for the page: "TX is a US state". */
  reading: string;
}

interface Country {
  code: string;
  names: string[];
  regions: string[];
  currency: string;
}

const COUNTRIES: readonly Country[] = [
  {
    code: 'US',
    names: ['us', 'usa', 'united states', 'united states of america'],
    regions: ['US'],
    currency: 'USD',
  },
  { code: 'CA', names: ['ca', 'canada'], regions: ['CA'], currency: 'CAD' },
  {
    code: 'GB',
    names: ['gb', 'uk', 'united kingdom', 'england', 'scotland', 'wales'],
    regions: ['GB', 'UK'],
    currency: 'GBP',
  },
  { code: 'IE', names: ['ie', 'ireland'], regions: ['IE'], currency: 'EUR' },
  { code: 'DE', names: ['de', 'germany', 'deutschland'], regions: ['DE'], currency: 'EUR' },
  { code: 'FR', names: ['fr', 'france'], regions: ['FR'], currency: 'EUR' },
  { code: 'ES', names: ['es', 'spain', 'españa'], regions: ['ES'], currency: 'EUR' },
  { code: 'IT', names: ['it', 'italy', 'italia'], regions: ['IT'], currency: 'EUR' },
  { code: 'NL', names: ['nl', 'netherlands', 'the netherlands'], regions: ['NL'], currency: 'EUR' },
  { code: 'PT', names: ['pt', 'portugal'], regions: ['PT'], currency: 'EUR' },
  { code: 'PL', names: ['pl', 'poland', 'polska'], regions: ['PL'], currency: 'PLN' },
  { code: 'SE', names: ['se', 'sweden'], regions: ['SE'], currency: 'SEK' },
  { code: 'CH', names: ['ch', 'switzerland'], regions: ['CH'], currency: 'CHF' },
  { code: 'BR', names: ['br', 'brazil', 'brasil'], regions: ['BR'], currency: 'BRL' },
  { code: 'MX', names: ['mx', 'mexico', 'méxico'], regions: ['MX'], currency: 'MXN' },
  { code: 'IN', names: ['in', 'india'], regions: ['IN'], currency: 'INR' },
  { code: 'AU', names: ['au', 'australia'], regions: ['AU'], currency: 'AUD' },
  { code: 'SG', names: ['sg', 'singapore'], regions: ['SG'], currency: 'SGD' },
  { code: 'JP', names: ['jp', 'japan'], regions: ['JP'], currency: 'JPY' },
];

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(
    ' ',
  ),
);
const CA_PROVINCES = new Set('AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' '));

const BY_NAME = new Map(COUNTRIES.flatMap((c) => c.names.map((n) => [n, c] as const)));
const byCode = (code: string) => COUNTRIES.find((c) => c.code === code);

/**
 * The country a location cell names: its last part that is a country ("London, UK", "Remote - US",
 * "São Paulo, Brazil"), a US state ("Austin TX") or a Canadian province ("Toronto, ON"). A code
 * that is both a state and a country ("CA", "DE", "IN") is read by the currency paid there when the
 * file states one, and left unread otherwise: a wrong country would compare pay with the wrong market.
 */
export function locationCountry(location: string, currency = ''): LocationCountry | null {
  const parts = location
    .split(/[,;/()|]|\s+-\s+|\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  // Country names of several words ("United Kingdom") are tried before their last word alone.
  const candidates = parts.flatMap((_, i) => [parts.slice(i).join(' '), parts[i] ?? '']).reverse();
  for (const part of candidates) {
    const lower = part.toLowerCase();
    const upper = part.toUpperCase();
    // A two-letter code is a code only in capitals: "in" and "it" in "based in Austin" are words.
    if (part.length === 2 && part !== upper) continue;
    const country = BY_NAME.get(lower);
    const isState = part.length === 2 && US_STATES.has(upper);
    const isProvince = part.length === 2 && CA_PROVINCES.has(upper);
    if (country && (isState || isProvince) && country.code !== 'US') {
      if (currency === country.currency)
        return found(country, `${upper} read as ${country.code}, paid in ${currency}`);
      if (currency === 'USD') return found(byCode('US'), `${upper} read as a US state, paid in USD`);
      return null;
    }
    if (country) return found(country, `${part} is ${country.code}`);
    if (isState) return found(byCode('US'), `${upper} is a US state`);
    if (isProvince) return found(byCode('CA'), `${upper} is a Canadian province`);
  }
  return null;
}

function found(country: Country | undefined, reading: string): LocationCountry | null {
  return country
    ? { code: country.code, regions: country.regions, currency: country.currency, reading }
    : null;
}
