/** An O*NET release (plus the SOC structure) as plain rows, ready to store or to index. */
export interface OnetRelease {
  socCodes: {
    code: string;
    title: string;
    grp: 'major' | 'minor' | 'broad' | 'detailed';
    definition: string | null;
  }[];
  occupations: {
    onetCode: string;
    socCode: string;
    title: string;
    description: string;
    jobZone: number | null;
  }[];
  titles: { onetCode: string; title: string; kind: 'alternate' | 'short' | 'reported' }[];
  tasks: { onetCode: string; taskId: number; task: string; taskType: string | null }[];
  related: { onetCode: string; relatedCode: string; tier: string; rank: number }[];
  technologies: { onetCode: string; example: string; commodity: string; hot: boolean; inDemand: boolean }[];
}

export const ONET_FILES = {
  occupations: 'Occupation Data.txt',
  alternateTitles: 'Alternate Titles.txt',
  reportedTitles: 'Sample of Reported Titles.txt',
  tasks: 'Task Statements.txt',
  jobZones: 'Job Zones.txt',
  related: 'Related Occupations.txt',
  technologies: 'Technology Skills.txt',
} as const;
