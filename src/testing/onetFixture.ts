import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { zipBomb } from './zipBomb.js';

/**
 * A tiny O*NET-format release written for tests: synthetic occupations and
 * titles (not O*NET's own rows), in the 29.x layout or, with `release28`,
 * without the Title column after the code.
 */
export function onetFixtureFiles(options: { release28?: boolean } = {}): Record<string, string> {
  const t = options.release28 ? '' : '\tTitle';
  const row = (code: string, title: string, ...rest: string[]) =>
    [code, ...(options.release28 ? [] : [title]), ...rest].join('\t');
  const occ: [string, string, string][] = [
    ['15-1252.00', 'Software Developers', 'Design and build software.'],
    ['15-1211.00', 'Computer Systems Analysts', 'Analyse computer systems for organizations.'],
    [
      '11-3021.00',
      'Computer and Information Systems Managers',
      'Direct computer and information systems work.',
    ],
  ];
  const title = (code: string) => occ.find((o) => o[0] === code)?.[1] ?? '';
  return {
    'Occupation Data.txt': [
      `O*NET-SOC Code${t}\tDescription`.replace(
        '\tDescription',
        options.release28 ? '\tTitle\tDescription' : '\tDescription',
      ),
      ...occ.map((o) => [o[0], o[1], o[2]].join('\t')),
    ].join('\n'),
    'Alternate Titles.txt': [
      `O*NET-SOC Code${t}\tAlternate Title\tShort Title\tSource(s)`,
      row('15-1252.00', title('15-1252.00'), 'Application Developer', 'n/a', '08'),
      row('15-1252.00', title('15-1252.00'), 'Software Engineer', '', '08'),
      row('15-1211.00', title('15-1211.00'), 'Programmer Analyst', '', '08'),
      row('11-3021.00', title('11-3021.00'), 'Information Technology Director', 'IT Director', '08'),
      row('15-1252.00', title('15-1252.00'), 'Software Engineering Supervisor', '', '08'),
      row('11-3021.00', title('11-3021.00'), 'Software Engineering Director', '', '08'),
    ].join('\n'),
    'Sample of Reported Titles.txt': [
      `O*NET-SOC Code${t}\tReported Job Title\tShown in My Next Move`,
      row('15-1252.00', title('15-1252.00'), 'Software Developer', 'Y'),
    ].join('\n'),
    'Task Statements.txt': [
      `O*NET-SOC Code${t}\tTask ID\tTask\tTask Type\tIncumbents Responding\tDate\tDomain Source`,
      row('15-1252.00', title('15-1252.00'), '1', 'Write and test code.', 'Core', '90', '08/2024', 'Analyst'),
      row(
        '11-3021.00',
        title('11-3021.00'),
        '2',
        'Plan the technology budget.',
        'Core',
        '90',
        '08/2024',
        'Analyst',
      ),
    ].join('\n'),
    'Job Zones.txt': [
      `O*NET-SOC Code${t}\tJob Zone\tDate\tDomain Source`,
      ...occ.map((o) => row(o[0], o[1], '4', '08/2024', 'Analyst')),
    ].join('\n'),
    'Related Occupations.txt': [
      `O*NET-SOC Code${t}\tRelated O*NET-SOC Code\tRelated Title\tRelatedness Tier\tIndex`,
      row('15-1252.00', title('15-1252.00'), '15-1211.00', 'Computer Systems Analysts', 'Primary-Short', '1'),
    ].join('\n'),
    'Technology Skills.txt': [
      `O*NET-SOC Code${t}\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand`,
      row(
        '15-1252.00',
        title('15-1252.00'),
        'TypeScript',
        '43232402',
        'Development environment software',
        'Y',
        'Y',
      ),
    ].join('\n'),
  };
}

export const SOC_FIXTURE = [
  'SOC Group\tSOC Code\tSOC Title\tSOC Definition',
  'Major\t15-0000\tComputer and Mathematical Occupations\t',
  'Minor\t15-1200\tComputer Occupations\t',
  'Broad\t15-1250\tSoftware and Web Developers, Programmers, and Testers\t',
  'Detailed\t15-1252\tSoftware Developers\tBuild software.',
].join('\n');

export async function writeOnetFixture(
  dir: string,
  files: Record<string, string> = onetFixtureFiles(),
): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), `${text}\n`);
  return dir;
}

export function onetFixtureZip(files: Record<string, string> = onetFixtureFiles()): Uint8Array {
  return zipSync(inReleaseFolder(files));
}

/** The fixture release zipped with a bomb: `bombs` maps file names to the MiB of zeros each inflates to. */
export function onetBombZip(bombs: Record<string, number>): Uint8Array {
  const files = Object.fromEntries(Object.entries(onetFixtureFiles()).filter(([name]) => !(name in bombs)));
  return zipBomb(
    inReleaseFolder(files),
    Object.fromEntries(Object.entries(bombs).map(([name, mb]) => [`db_29_3_text/${name}`, mb])),
  );
}

/** Files as the official zip holds them, in a folder named for the release. */
function inReleaseFolder(files: Record<string, string>): Record<string, Uint8Array> {
  return Object.fromEntries(
    Object.entries(files).map(([name, text]) => [`db_29_3_text/${name}`, strToU8(`${text}\n`)]),
  );
}
