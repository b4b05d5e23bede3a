import { describe, expect, it } from 'vitest';
import { normalizeTitle } from './normalizeTitle.js';
import { readSeniority } from './readSeniority.js';

const read = (title: string) => readSeniority(normalizeTitle(title).words);

/** Each row: the title, the level it reads as, and the words that said so (the cues). */
type Case = [title: string, level: string, cues: string[]];
const reads = (cases: Case[]) =>
  it.each(cases)('reads %j as %s, because of %j', (title, code, cues) => {
    expect(read(title)).toMatchObject({ level: { code }, stated: true, cues });
  });

describe('readSeniority with specialty words it has never seen', () => {
  it.each([
    ['Senior Offering Manager', 'M3', ['offering']],
    ['Lead Zorblax Wrangler', 'P4', ['zorblax', 'wrangler']],
    ['Principal Quux Consultant', 'P5', ['quux', 'consultant']],
    ['Flibbertigibbet Specialist III', 'P3', ['flibbertigibbet', 'specialist']],
    ['VP, Snorkelwhacking', 'M6', ['snorkelwhacking']],
    ['Chief Widget Officer', 'E3', ['widget']],
    ['Junior Qwxz', 'P1', ['qwxz']],
    ['Co-Founder, Zorblax', 'E3', ['zorblax']],
  ])('reads %j at %s, leaving %j for the specialty', (title, code, specialty) => {
    expect(read(title)).toMatchObject({ level: { code }, stated: true, specialty });
  });
});

describe('readSeniority: founders, owners, boards and chief officers (the executive track)', () => {
  reads([
    ['Founder', 'E3', ['founder']],
    ['Cofounder', 'E3', ['cofounder']],
    ['Founding Partner', 'E3', ['founding partner']],
    ['Restaurant Owner', 'E3', ['owner']],
    ['Co-Owner', 'E3', ['co owner']],
    ['Small Business Owner', 'E3', ['owner']],
    ['Sole Proprietor', 'E3', ['proprietor']],
    ['President', 'E3', ['president']],
    ['Chairman of the Board', 'E3', ['chairman']],
    ['Executive Chairwoman', 'E3', ['executive chairwoman']],
    ['Board Member', 'E3', ['board member']],
    ['Member of the Board', 'E3', ['member of the board']],
    ['Non-Executive Director', 'E3', ['non executive director']],
    ['Independent Director', 'E3', ['independent director']],
    ['Managing Partner', 'E3', ['managing partner']],
    ['General Counsel', 'E3', ['general counsel']],
    ['Chief Executive', 'E3', ['chief executive']],
    ['CEO', 'E3', ['chief', 'officer']],
    ['Chief Revenue Officer', 'E3', ['chief', 'officer']],
    ['Chief of Technology', 'E3', ['chief']],
    ['Provost', 'E3', ['provost']],
    ['Managing Director', 'E2', ['managing director']],
    ['EVP, Operations', 'E2', ['executive vice president']],
    ['Deputy CEO', 'E2', ['deputy chief', 'officer']],
    ['Vice Chairman', 'E2', ['vice chairman']],
    ['Senior Partner', 'E2', ['senior partner']],
    ['Audit Partner', 'E1', ['partner']],
    ['Partner, Deal Advisory', 'E1', ['partner']],
    ['SVP, Engineering', 'E1', ['senior vice president']],
  ]);
});

describe('readSeniority: vice presidents, directors, heads and managers', () => {
  reads([
    ['Vice President of Sales', 'M6', ['vice president']],
    ['V.P. Sales', 'M6', ['vice president']],
    ['Associate Partner', 'M6', ['associate partner']],
    ['AVP, Risk', 'M5', ['assistant vice president']],
    ['Associate Vice President', 'M5', ['associate vice president']],
    ['Sr. Director, Platform', 'M5', ['senior director']],
    ['Executive Director', 'M5', ['executive director']],
    ['Head of Data', 'M4', ['head of']],
    ['Global Head of Sales', 'M4', ['head of']],
    ['Department Head', 'M4', ['head']],
    ['Director', 'M4', ['director']],
    ['Dir. of Finance', 'M4', ['director']],
    ['General Manager', 'M4', ['general manager']],
    ['GM, Retail', 'M4', ['general manager']],
    ['Chief of Staff', 'M4', ['chief of staff']],
    ['Bureau Chief', 'M4', ['chief']],
    ['Middle School Principal', 'M4', ['principal']],
    ['Dean of Students', 'M4', ['dean']],
    ['University Department Chair', 'M4', ['chair']],
    ['Associate Director', 'M3', ['associate director']],
    ['Assistant Director of Nursing', 'M3', ['assistant director']],
    ['Deputy Director', 'M3', ['deputy director']],
    ['Vice Principal', 'M3', ['vice principal']],
    ['Sr. Mgr, Operations', 'M3', ['senior manager']],
    ['Senior Engineering Manager', 'M3', ['senior', 'manager']],
    ['Mgr, Accounts Payable', 'M2', ['manager']],
    ['Store Manager', 'M2', ['manager']],
    ['Principal Engineering Manager', 'M2', ['principal', 'manager']],
    ['Plant Superintendent', 'M2', ['superintendent']],
    ['Assistant Manager', 'M1', ['assistant manager']],
    ['Shift Supervisor', 'M1', ['supervisor']],
    ['Team Lead, QA', 'M1', ['team lead']],
    ['Head Chef', 'M1', ['head']],
    ['Crew Chief', 'M1', ['chief']],
    ['Chief Clerk', 'M1', ['chief']],
  ]);
});

describe('readSeniority: individual contributors', () => {
  reads([
    ['Chief Architect', 'P6', ['chief']],
    ['Chief Data Scientist', 'P6', ['chief']],
    ['Distinguished Engineer', 'P6', ['distinguished']],
    ['Principal Consultant', 'P5', ['principal']],
    ['Staff Engineer', 'P4', ['staff']],
    ['Lead Developer', 'P4', ['lead']],
    ['Senior Staff Engineer', 'P4', ['senior staff']],
    ['SR.DATA SCIENTIST', 'P3', ['senior']],
    ['Sr. Analyst', 'P3', ['senior']],
    ['Systems Analyst Sr.', 'P3', ['senior']],
    ['Associate Professor', 'P3', ['associate professor']],
    ['Assistant Professor', 'P2', ['assistant professor']],
    ['Mid-Level Developer', 'P2', ['mid level']],
    ['Intermediate Accountant', 'P2', ['intermediate']],
    ['Junior Developer', 'P1', ['junior']],
    ['Assoc. Engineer', 'P1', ['associate']],
    ['Graduate Engineer', 'P1', ['graduate']],
    ['Software Engineering Intern', 'P1', ['intern']],
    ['Trainee Accountant', 'P1', ['trainee']],
    ['Postdoctoral Fellow', 'P1', ['fellow']],
  ]);
});

describe('readSeniority: Roman numerals and level numbers', () => {
  reads([
    ['Engineer I', 'P1', ['i']],
    ['Engineer II', 'P2', ['ii']],
    ['Engineer II - Automation', 'P2', ['ii']],
    ['Analyst III', 'P3', ['iii']],
    ['Programmer Analyst 3', 'P3', ['3']],
    ['Analyst, Level 2', 'P2', ['level 2']],
    ['Grade 7 Policy Adviser', 'P6', ['grade 7']],
    ['Developer 7', 'P6', ['7']],
    ['Software Engineer L5', 'P3', ['l5']],
    ['L3 Engineer', 'P1', ['l3']],
    ['Engineer E5', 'P3', ['e5']],
    ['Designer IC3', 'P3', ['ic3']],
    // A word that states the level decides; the number is the step within it.
    ['Engineering Manager 5', 'M2', ['manager', '5']],
    ['Senior Engineer L2', 'P3', ['senior', 'l2']],
  ]);

  it('takes a grade or year next to "teacher" for the class taught', () => {
    expect(read('Grade 3 Teacher')).toMatchObject({ stated: false, specialty: ['grade', '3', 'teacher'] });
  });
});

describe('readSeniority for titles that join roles', () => {
  it.each([
    ['COO & SVP', 'E3', ['chief', 'officer', 'senior vice president']],
    ['IT Manager and Tech Director', 'M4', ['manager', 'director']],
    ['SVP & Director', 'E1', ['senior vice president', 'director']],
    ['Director/Manager, Finance', 'M4', ['director', 'manager']],
    ['Vice President, Senior Business Analyst', 'M6', ['vice president', 'senior']],
    ['Senior Developer / Team Lead', 'M1', ['senior', 'team lead']],
  ])('reads %j as %s, its most senior role, and says so', (title, code, cues) => {
    const s = read(title);
    expect(s).toMatchObject({ level: { code }, stated: true, cues });
    expect(s.note).toMatch(
      /^The title joins “.+” \([A-Z]\d\) and “.+” \([A-Z]\d\); the most senior, “.+”, decides/,
    );
  });

  it('names each role and the one that decided', () => {
    expect(read('COO & SVP').note).toBe(
      'The title joins “chief operating officer” (E3) and “senior vice president” (E1); the most senior, “chief operating officer”, decides.',
    );
    expect(read('Senior Developer / Team Lead').note).toBe(
      'The title joins “senior” (P3) and “team lead” (M1); the most senior, “team lead”, decides (of equal rank, the management role).',
    );
  });

  it.each([
    ['Founder & CEO'],
    ['Chairman and CEO'],
    ['Sales Vice President (Sales VP)'],
    ['Senior Staff Engineer'],
  ])('has no note for %j, whose seniority words all read alike or belong to one role', (title) => {
    expect(read(title).note).toBeNull();
  });

  it('reads the holder, not whom they serve', () => {
    expect(read('Executive Assistant to the CEO')).toMatchObject({
      stated: false,
      specialty: ['executive', 'assistant'],
    });
    expect(read('Chief of Staff to the CEO')).toMatchObject({
      level: { code: 'M4' },
      cues: ['chief of staff'],
    });
  });
});

describe('readSeniority leaves words that only look like seniority in the specialty', () => {
  it.each([
    ['Internal Auditor'],
    ['Internist'],
    ['Product Owner'],
    ['Business Process Owner'],
    ['HR Business Partner'],
    ['Channel Partner Manager'],
    ['Board Certified Nurse Practitioner'],
    ['Printed Circuit Board Designer'],
    ['Sound Board Operator'],
    ['Account Executive'],
    ['Executive Housekeeper'],
    ['Lead Generation Specialist'],
    ['Head Start Teacher'],
    ['Chair Lift Operator'],
    ['Sales Associate'],
    ['Deputy Sheriff'],
    ['Member of Technical Staff'],
    ['Staff Accountant'],
    ['Funeral Director'],
    ['Art Director'],
    ['Product Manager'],
  ])('states no level for %j', (title) => {
    expect(read(title)).toMatchObject({ stated: false, level: { code: 'P2' }, cues: [], note: null });
  });
});

describe('readSeniority for the support track', () => {
  it.each([
    ['Electrician Helper', 'S1'],
    ['Apprentice Electrician', 'S1'],
    ['Electrician Trainee', 'S1'],
    ['Entry-Level Electrician', 'S1'],
    ['Junior Electrician', 'S1'],
    ['Electrician I', 'S2'],
    ['Electrician II', 'S3'],
    ['Electrician III', 'S3'],
    ['Senior Electrician', 'S3'],
    ['Journeyman Electrician', 'S3'],
    ['Master Electrician', 'S3'],
    ['Lead Electrician', 'S4'],
    ['Electrician IV', 'S4'],
    ['Lead Hand, Electrical', 'S4'],
    ['Crew Leader', 'S4'],
    ['Electrical Foreman', 'M1'],
    ['Electrical Supervisor', 'M1'],
    ['First-Line Supervisor of Electricians', 'M1'],
    ['Electrical Maintenance Manager', 'M2'],
    ['Electrical Superintendent Director', 'M4'],
  ])('reads %j as %s', (title, code) => {
    expect(read(title).support?.level.code).toBe(code);
  });

  it('has no support reading for a title that states no seniority: the focus decides', () => {
    expect(read('Electrician').support).toBeNull();
    expect(read('Electrician').stated).toBe(false);
  });

  it('names the words that decided the support reading', () => {
    expect(read('Journeyman Electrician').support?.cues).toEqual(['journeyman']);
    expect(read('Senior Electrician').support?.cues).toEqual(['senior']);
    expect(read('Electrician II').support?.cues).toEqual(['ii']);
  });

  it.each([
    ['Electrician Helper', ['electrician', 'helper']],
    ['Master Data Analyst', ['master', 'data', 'analyst']],
    ['Scrum Master', ['scrum', 'master']],
  ])('leaves %j on the professional reading it had, its words in the specialty', (title, specialty) => {
    expect(read(title)).toMatchObject({ level: { code: 'P2' }, stated: false, cues: [], specialty });
  });

  it.each([
    ['Construction Foreman', 'M1', ['foreman'], ['construction', 'foreman']],
    ['Research Assistant Professor', 'P2', ['assistant professor'], ['research', 'assistant', 'professor']],
  ])(
    'reads %j as %s, keeping the words that name the occupation in the specialty',
    (title, code, cues, specialty) => {
      expect(read(title)).toMatchObject({ level: { code }, stated: true, cues, specialty });
    },
  );

  it('reads a crew leader as a first-line lead on the other tracks', () => {
    expect(read('Crew Leader')).toMatchObject({ level: { code: 'M1' }, stated: true, specialty: [] });
  });
});
