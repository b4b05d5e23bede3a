/** Words the benchmarks build generated ladders from: two tracks' titles, duties' verbs and objects. */
export const TRACK_TITLES = [
  ['Associate Engineer', 'Engineer', 'Senior Engineer', 'Staff Engineer', 'Principal Engineer'],
  [
    'Engineering Manager',
    'Senior Engineering Manager',
    'Director of Engineering',
    'VP of Engineering',
    'CTO',
  ],
];
export const VERBS = ['Owns', 'Designs', 'Runs', 'Leads', 'Reviews', 'Plans', 'Builds', 'Coaches'];
export const OBJECTS = [
  'the release process',
  'the data platform',
  'incident response',
  'the hiring plan',
  'the service roadmap',
  'API design',
  'the cloud budget',
];
