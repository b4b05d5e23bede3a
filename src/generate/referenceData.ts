/**
 * The reference data a taxonomy release is generated from, as plain maps keyed by
 * code. `readReferenceData` fills it from ../shared/data; tests build small ones by hand.
 */

export interface SocOccupation {
  /** SOC 2018 detailed code, e.g. "29-1141". */
  code: string;
  title: string;
  definition: string;
}

export interface OnetOccupation {
  /** O*NET-SOC 2019 code, e.g. "29-1141.00". */
  code: string;
  soc: string;
  title: string;
  description: string;
  jobZone: number | null;
}

export interface Task {
  id: string;
  onet: string;
  text: string;
  core: boolean;
  /** Share of incumbents who said the task applies to them; null when not surveyed. */
  incumbents: number | null;
  /** Detailed work activity ids the task is linked to (Tasks to DWAs.txt). */
  dwas: string[];
}

export interface WorkActivity {
  /** DWA id, e.g. "4.A.4.b.3.I05.D01"; its first five parts are the O*NET element. */
  id: string;
  title: string;
  element: string;
  elementName: string;
}

export interface Rating {
  element: string;
  name: string;
  /** Importance, 1–5. */
  importance: number;
  /** Level, 0–7; null when O*NET does not give one. */
  level: number | null;
}

export interface EducationProfile {
  /** Required level of education: category → percentage of respondents. */
  education: Map<number, number>;
  /** Related work experience: category → percentage. */
  experience: Map<number, number>;
}

export interface RelatedOccupation {
  code: string;
  tier: string;
  index: number;
}

export interface EscoOccupation {
  uri: string;
  code: string;
  label: string;
  altLabels: string[];
  isco: string;
  essentialSkills: string[];
}

export interface OccupationWages {
  soc: string;
  title: string;
  employment: number | null;
  p10: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  p90: number | null;
  /** Percentiles BLS gives only as "at or above the top-coded wage". */
  topCoded: string[];
}

export interface JobZone {
  zone: number;
  name: string;
  experience: string;
  education: string;
  training: string;
}

export interface ReferenceData {
  /** The source releases, for the release's record of what it was built from. */
  releases: { id: string; name: string }[];
  soc: Map<string, SocOccupation>;
  /** Titles of SOC major, minor and broad groups by code. */
  socGroups: Map<string, string>;
  onet: Map<string, OnetOccupation>;
  tasks: Map<string, Task[]>;
  activities: Map<string, WorkActivity>;
  knowledge: Map<string, Rating[]>;
  skills: Map<string, Rating[]>;
  education: Map<string, EducationProfile>;
  educationCategories: Map<number, string>;
  experienceCategories: Map<number, string>;
  alternateTitles: Map<string, string[]>;
  reportedTitles: Map<string, string[]>;
  related: Map<string, RelatedOccupation[]>;
  /** ESCO occupations matched to each O*NET-SOC code through the O*NET crosswalk. */
  esco: Map<string, EscoOccupation[]>;
  /** ISCO-08 unit groups of each SOC 2018 code, chained through SOC 2010. */
  isco: Map<string, { code: string; title: string; via: string }[]>;
  wages: Map<string, OccupationWages>;
  wagesAsOf: string;
  jobZones: Map<number, JobZone>;
}

/** Reference data with nothing in it, for a reader to fill or a test to add to. */
export function emptyReferenceData(): ReferenceData {
  return {
    releases: [],
    soc: new Map(),
    socGroups: new Map(),
    onet: new Map(),
    tasks: new Map(),
    activities: new Map(),
    knowledge: new Map(),
    skills: new Map(),
    education: new Map(),
    educationCategories: new Map(),
    experienceCategories: new Map(),
    alternateTitles: new Map(),
    reportedTitles: new Map(),
    related: new Map(),
    esco: new Map(),
    isco: new Map(),
    wages: new Map(),
    wagesAsOf: '',
    jobZones: new Map(),
  };
}

const BY_SOC = new WeakMap<ReferenceData, Map<string, OnetOccupation[]>>();

/** The O*NET occupations of a SOC code (its .00 code and any specialisations), indexed once per data set. */
export function onetOccupationsOf(ref: ReferenceData, soc: string): readonly OnetOccupation[] {
  let index = BY_SOC.get(ref);
  if (!index) {
    index = new Map();
    for (const o of ref.onet.values()) index.set(o.soc, [...(index.get(o.soc) ?? []), o]);
    BY_SOC.set(ref, index);
  }
  return index.get(soc) ?? [];
}
